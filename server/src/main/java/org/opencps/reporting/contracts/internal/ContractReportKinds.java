package org.opencps.reporting.contracts.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.contracts.ContractReports;
import org.opencps.reporting.internal.LicenseRollup;
import org.opencps.reporting.schedule.RenderedReport;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ScheduledReportKind;
import org.opencps.tenancy.Organizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract reports as kinds of scheduled report, each a snapshot of the contract when it is
 * sent, as CSV and/or PDF (the contract history's PDF is the customer's contract document, which
 * holds the history).
 */
@Configuration(proxyBeanMethods = false)
class ContractReportKinds {

    @Bean
    ScheduledReportKind providerContractKind(AccessPolicy policy, Organizations organizations, LicenseRollup rollup,
                                             ContractReports reports) {
        return new ContractKind("PROVIDER_CONTRACT") {
            @Override
            public void requireView(Actor actor, OrgId org) {
                policy.require(actor, Permission.LICENSE_REPORTS_VIEW, org);
                if (!organizations.find(org).map(o -> o.kind().isProvider()).orElse(false)) {
                    throw new InvalidInputException("kind", "problem.report.contractOfProvider", "a provider contract report is one of a provider");
                }
            }

            @Override
            byte[] csv(OrgId org) {
                return ContractCsv.provider(rollup.report(organizations.customersBelow(org))).bytes();
            }

            @Override
            byte[] pdf(OrgId org, Locale locale) {
                return reports.providerPdfOf(rollup.report(organizations.customersBelow(org)), locale);
            }
        };
    }

    @Bean
    ScheduledReportKind customerContractKind(ContractReports reports) {
        return new ContractKind("CUSTOMER_CONTRACT") {
            @Override
            public void requireView(Actor actor, OrgId org) {
                reports.customerReport(actor, org);
            }

            @Override
            byte[] csv(OrgId org) {
                return ContractCsv.customer(reports.customerReportOf(org)).bytes();
            }

            @Override
            byte[] pdf(OrgId org, Locale locale) {
                return reports.customerPdfOf(org, locale);
            }
        };
    }

    @Bean
    ScheduledReportKind contractHistoryKind(ContractReports reports) {
        return new ContractKind("CONTRACT_HISTORY") {
            @Override
            public void requireView(Actor actor, OrgId org) {
                reports.history(actor, org);
            }

            @Override
            byte[] csv(OrgId org) {
                return ContractCsv.history(reports.historyOf(org)).bytes();
            }

            @Override
            byte[] pdf(OrgId org, Locale locale) {
                return reports.customerPdfOf(org, locale);
            }
        };
    }

    private abstract static class ContractKind implements ScheduledReportKind {

        private final String id;

        ContractKind(String id) {
            this.id = id;
        }

        abstract byte[] csv(OrgId org);

        abstract byte[] pdf(OrgId org, Locale locale);

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<ExportFormat> formats() {
            return Set.of(ExportFormat.CSV, ExportFormat.PDF);
        }

        @Override
        public RenderedReport render(Actor creator, OrgId org, ReportPeriod period, ZoneId zone, ExportFormat format,
                                     Locale locale) {
            byte[] content = format == ExportFormat.PDF ? pdf(org, locale) : csv(org);
            return new RenderedReport(id.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + period.start(), format, content);
        }
    }
}
