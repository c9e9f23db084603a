package org.opencps.reporting.contracts;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.opencps.platform.changes.DataExported;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.LicenseReports;
import org.opencps.reporting.contracts.internal.ContractCsv;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract reports as files a person downloads, each audited (PRODUCT.md §8, "data export")
 * in the organization reported on: CONTRACT_REPORT_EXPORTED, CONTRACT_HISTORY_EXPORTED,
 * LICENSE_REPORT_EXPORTED, with the report and format, never the data. Access as the reports
 * themselves ({@link ContractReports}, {@link LicenseReports}); a refused export records nothing.
 */
@Service
public class ContractExports {

    private final ContractReports reports;
    private final LicenseReports licenseReports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractExports(ContractReports reports, LicenseReports licenseReports, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.licenseReports = licenseReports;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public byte[] customerCsv(Actor actor, OrgId customer) {
        byte[] file = ContractCsv.customer(reports.customerReport(actor, customer)).bytes();
        exported(actor, customer, "CONTRACT_REPORT_EXPORTED", "customer contract", ExportFormat.CSV);
        return file;
    }

    /** The contract report with its terms and license changes. */
    @Transactional
    public byte[] customerPdf(Actor actor, OrgId customer, Locale locale) {
        byte[] file = reports.customerPdf(actor, customer, locale);
        exported(actor, customer, "CONTRACT_REPORT_EXPORTED", "customer contract with history", ExportFormat.PDF);
        return file;
    }

    @Transactional
    public byte[] historyCsv(Actor actor, OrgId customer) {
        byte[] file = ContractCsv.history(reports.history(actor, customer)).bytes();
        exported(actor, customer, "CONTRACT_HISTORY_EXPORTED", "contract history", ExportFormat.CSV);
        return file;
    }

    @Transactional
    public byte[] licenseCsv(Actor actor, OrgId provider) {
        byte[] file = ContractCsv.provider(licenseReports.report(actor, provider)).bytes();
        exported(actor, provider, "LICENSE_REPORT_EXPORTED", "provider contract (license)", ExportFormat.CSV);
        return file;
    }

    @Transactional
    public byte[] licensePdf(Actor actor, OrgId provider, Locale locale) {
        byte[] file = reports.providerPdf(actor, provider, locale);
        exported(actor, provider, "LICENSE_REPORT_EXPORTED", "provider contract (license)", ExportFormat.PDF);
        return file;
    }

    private void exported(Actor actor, OrgId org, String type, String report, ExportFormat format) {
        events.publishEvent(new DataExported(org, actor.userId(), type, org.toString(),
                Map.of("report", report, "format", format.name()), clock.instant()));
    }
}
