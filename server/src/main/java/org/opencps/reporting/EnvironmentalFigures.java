package org.opencps.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What printing took, and what two-sided and black-and-white printing saved, by the organization's
 * {@link EnvironmentFactors}: sheets, kilograms of CO2e (paper and printing), litres of water and
 * kilowatt-hours of energy (paper). Two-sided printing saved the sheets its pages would have taken
 * one-sided; black-and-white printing saved, on each of its pages, the difference to a colour page.
 */
public record EnvironmentalFigures(EnvironmentFactors factors, long sheets, BigDecimal kgCo2, BigDecimal litresWater,
                                   BigDecimal kwhEnergy, long sheetsSavedByDuplex, BigDecimal kgCo2SavedByDuplex,
                                   BigDecimal litresWaterSavedByDuplex, BigDecimal kwhEnergySavedByDuplex,
                                   BigDecimal kgCo2SavedByMonochrome) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public static EnvironmentalFigures of(UsageFigures f, EnvironmentFactors k) {
        long saved = f.sheetsSavedByDuplex();
        BigDecimal printing = k.gramsCo2PerColorPage().multiply(BigDecimal.valueOf(f.colorPages()))
                .add(k.gramsCo2PerMonochromePage().multiply(BigDecimal.valueOf(f.monochromePages())));
        BigDecimal monoSaving = k.gramsCo2PerColorPage().subtract(k.gramsCo2PerMonochromePage()).max(BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(f.monochromePages()));
        return new EnvironmentalFigures(k, f.sheets(),
                kilo(k.gramsCo2PerSheet().multiply(BigDecimal.valueOf(f.sheets())).add(printing)),
                round(k.litresWaterPerSheet().multiply(BigDecimal.valueOf(f.sheets()))),
                kilo(k.wattHoursPerSheet().multiply(BigDecimal.valueOf(f.sheets()))),
                saved, kilo(k.gramsCo2PerSheet().multiply(BigDecimal.valueOf(saved))),
                round(k.litresWaterPerSheet().multiply(BigDecimal.valueOf(saved))),
                kilo(k.wattHoursPerSheet().multiply(BigDecimal.valueOf(saved))), kilo(monoSaving));
    }

    private static BigDecimal kilo(BigDecimal units) {
        return units.divide(THOUSAND, 3, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }
}
