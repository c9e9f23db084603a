package org.opencps.reporting.contracts.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.opencps.reporting.LicenseReport;
import org.opencps.reporting.contracts.ContractHistory;
import org.opencps.reporting.contracts.CustomerContractReport;
import org.opencps.reporting.internal.export.PdfReport;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The contract reports as PDF documents, laid out like the usage reports' PDF: a customer's
 * contract with its terms and license changes ({@code reports/contract-pdf}), and a provider's
 * license report ({@code reports/license-report-pdf}), texts in the given locale. Times are shown
 * in {@code zone} (the organization's).
 */
@Component
public class ContractPdf {

    private final ITemplateEngine templates;
    private final Clock clock;

    ContractPdf(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    public byte[] customer(CustomerContractReport report, ContractHistory history, ZoneId zone, Locale locale) {
        Context context = context(zone, locale);
        context.setVariable("report", report);
        context.setVariable("history", history);
        return PdfReport.layOut(templates.process("reports/contract-pdf", context), Map.of());
    }

    public byte[] provider(LicenseReport report, String organizationName, ZoneId zone, Locale locale) {
        Context context = context(zone, locale);
        context.setVariable("report", report);
        context.setVariable("organizationName", organizationName);
        return PdfReport.layOut(templates.process("reports/license-report-pdf", context), Map.of());
    }

    private Context context(ZoneId zone, Locale locale) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        Context context = new Context(language);
        context.setVariable("generated", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language)
                .format(clock.instant().atZone(zone)));
        return context;
    }
}
