package org.opencps.reporting.contracts.internal;

import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.LicenseReport;
import org.opencps.reporting.contracts.ContractHistory;
import org.opencps.reporting.contracts.CustomerContractReport;
import org.opencps.reporting.contracts.LicenseChange;
import org.opencps.tenancy.License;

/** The contract reports as CSV, with the stable column names the README documents. */
public final class ContractCsv {

    private ContractCsv() {
    }

    /** One row per organization directly below the provider (a provider's row: the anonymized total under it), then the total. */
    public static Csv provider(LicenseReport report) {
        var csv = new Csv("organization", "kind", "status", "customers", "devices_allowed", "devices_used", "users", "pages");
        for (LicenseReport.Row row : report.rows()) {
            LicenseFigures f = row.figures();
            csv.row(row.name(), row.kind().name(), row.status().name(), row.customers(), f.devicesAllowed(), f.devicesUsed(),
                    f.users(), f.pages());
        }
        LicenseFigures t = report.total();
        return csv.row("TOTAL", "", "", report.rows().stream().mapToInt(LicenseReport.Row::customers).sum(),
                t.devicesAllowed(), t.devicesUsed(), t.users(), t.pages());
    }

    public static Csv customer(CustomerContractReport r) {
        License l = r.license();
        LicenseFigures f = r.figures();
        return new Csv("organization", "status", "plan", "term_start", "term_end", "devices_allowed", "devices_used", "users", "pages")
                .row(r.name(), r.status().name(), l.plan(), l.termStart(), l.termEnd(), f.devicesAllowed(), f.devicesUsed(),
                        f.users(), f.pages());
    }

    /** One row per license change, oldest first: when, who, and each field before and after. */
    public static Csv history(ContractHistory h) {
        var csv = new Csv("changed_at", "changed_by", "plan_before", "plan_after", "devices_allowed_before", "devices_allowed_after",
                "term_start_before", "term_start_after", "term_end_before", "term_end_after");
        for (LicenseChange c : h.changes()) {
            License b = c.before();
            License a = c.after();
            csv.row(c.at().toString(), c.changedByName(), b == null ? null : b.plan(), a.plan(), b == null ? null : b.deviceLimit(),
                    a.deviceLimit(), b == null ? null : b.termStart(), a.termStart(), b == null ? null : b.termEnd(), a.termEnd());
        }
        return csv;
    }
}
