package org.opencps.reporting.internal.persistence;

import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.EnvironmentFactors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reporting_environment_factors} table: an organization's own factors, where it set them. */
@Repository
public class EnvironmentFactorStore {

    private final JdbcClient jdbc;

    EnvironmentFactorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EnvironmentFactors> find(OrgId org) {
        return jdbc.sql("SELECT * FROM reporting_environment_factors WHERE org_id = ?").param(org.value())
                .query((rs, i) -> new EnvironmentFactors(rs.getBigDecimal("grams_co2_per_sheet"),
                        rs.getBigDecimal("litres_water_per_sheet"), rs.getBigDecimal("watt_hours_per_sheet"),
                        rs.getBigDecimal("grams_co2_per_color_page"), rs.getBigDecimal("grams_co2_per_monochrome_page")))
                .optional();
    }

    public void save(OrgId org, EnvironmentFactors f) {
        delete(org);
        jdbc.sql("""
                        INSERT INTO reporting_environment_factors (org_id, grams_co2_per_sheet, litres_water_per_sheet,
                        watt_hours_per_sheet, grams_co2_per_color_page, grams_co2_per_monochrome_page) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(org.value(), f.gramsCo2PerSheet(), f.litresWaterPerSheet(), f.wattHoursPerSheet(),
                        f.gramsCo2PerColorPage(), f.gramsCo2PerMonochromePage())
                .update();
    }

    /** Forgets the organization's own factors (reset to the defaults, or purged with the organization). */
    public void delete(OrgId org) {
        jdbc.sql("DELETE FROM reporting_environment_factors WHERE org_id = ?").param(org.value()).update();
    }
}
