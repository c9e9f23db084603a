package org.opencps.reporting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencps.platform.errors.InvalidInputException;

/**
 * What one sheet of paper and one printed page cost the planet, as an organization counts it (the
 * defaults and their sources are in docs/reports.md, "Environmental factors"). Per sheet: grams of CO2e,
 * litres of water and watt-hours of energy to make it; per page: grams of CO2e to print it in colour
 * or in black and white.
 */
public record EnvironmentFactors(BigDecimal gramsCo2PerSheet, BigDecimal litresWaterPerSheet, BigDecimal wattHoursPerSheet,
                                 BigDecimal gramsCo2PerColorPage, BigDecimal gramsCo2PerMonochromePage) {

    private static final BigDecimal MAX = new BigDecimal("10000");

    /**
     * Per sheet: an A4 sheet of 80 g/m² paper weighs 4.99 g; 942 kg CO2e per tonne of paper (cradle to gate),
     * 1450 m³ of water per tonne (the middle of 300 to 2600), 13 GJ per tonne. Per page printed: none, as no
     * published figure was found. The sources and the arithmetic are in docs/reports.md.
     */
    public static final EnvironmentFactors DEFAULTS = new EnvironmentFactors(new BigDecimal("4.7"), new BigDecimal("7.2"),
            new BigDecimal("18.0"), BigDecimal.ZERO, BigDecimal.ZERO);

    /** Each factor is given, at least 0, below 10,000 with at most three decimals. */
    public EnvironmentFactors {
        check("gramsCo2PerSheet", gramsCo2PerSheet);
        check("litresWaterPerSheet", litresWaterPerSheet);
        check("wattHoursPerSheet", wattHoursPerSheet);
        check("gramsCo2PerColorPage", gramsCo2PerColorPage);
        check("gramsCo2PerMonochromePage", gramsCo2PerMonochromePage);
    }

    private static void check(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "problem.environment.missing", "give a number (0 or more)");
        }
        if (value.signum() < 0 || value.compareTo(MAX) >= 0 || value.stripTrailingZeros().scale() > 3) {
            throw new InvalidInputException(field, "problem.environment.range",
                    "a factor is between 0 and 9999.999, with at most three decimals");
        }
    }

    /** Each factor by its name, as plain text without trailing zeros (5, not 5.000): for the audit trail. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("gramsCo2PerSheet", plain(gramsCo2PerSheet));
        text.put("litresWaterPerSheet", plain(litresWaterPerSheet));
        text.put("wattHoursPerSheet", plain(wattHoursPerSheet));
        text.put("gramsCo2PerColorPage", plain(gramsCo2PerColorPage));
        text.put("gramsCo2PerMonochromePage", plain(gramsCo2PerMonochromePage));
        return text;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
