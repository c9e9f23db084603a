package org.opencps.reporting.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.opencps.access.AccessPolicy;
import org.opencps.devices.Devices;
import org.opencps.identity.Users;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.LicenseReport;
import org.opencps.reporting.LicenseReports;
import org.opencps.reporting.contracts.internal.ContractPdf;
import org.opencps.reporting.contracts.internal.persistence.LicenseChangeStore;
import org.opencps.reporting.internal.persistence.UsageStore;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.stereotype.Service;

/**
 * A customer's contract report and contract history (PRODUCT.md §1, §6), by name: for the provider
 * directly above it and for the customer's own admins (the access policy decides). Providers
 * further up see customers only inside the license roll-up's anonymized totals
 * ({@link org.opencps.reporting.LicenseReports}, the provider contract report).
 */
@Service
public class ContractReports {

    private final AccessPolicy policy;
    private final Organizations organizations;
    private final Users users;
    private final Devices devices;
    private final UsageStore usage;
    private final LicenseChangeStore changes;
    private final LicenseReports licenseReports;
    private final ContractPdf pdf;

    ContractReports(AccessPolicy policy, Organizations organizations, Users users, Devices devices, UsageStore usage,
                    LicenseChangeStore changes, LicenseReports licenseReports, ContractPdf pdf) {
        this.licenseReports = licenseReports;
        this.pdf = pdf;
        this.policy = policy;
        this.organizations = organizations;
        this.users = users;
        this.devices = devices;
        this.usage = usage;
        this.changes = changes;
    }

    public CustomerContractReport customerReport(Actor actor, OrgId customer) {
        policy.requireContractReportOf(actor, customer);
        return customerReportOf(customer);
    }

    public ContractHistory history(Actor actor, OrgId customer) {
        policy.requireContractReportOf(actor, customer);
        return historyOf(customer);
    }

    /** The customer's contract report and its history as one PDF document, for who may see both. */
    public byte[] customerPdf(Actor actor, OrgId customer, Locale locale) {
        policy.requireContractReportOf(actor, customer);
        return customerPdfOf(customer, locale);
    }

    /** For scheduled reports, whose maker's access is checked before each is sent. */
    public byte[] customerPdfOf(OrgId customer, Locale locale) {
        return pdf.customer(customerReportOf(customer), historyOf(customer), organizations.timeZone(customer), locale);
    }

    /** A provider's license report (rolled up and anonymized as {@link LicenseReports#report}) as a PDF document. */
    public byte[] providerPdf(Actor actor, OrgId provider, Locale locale) {
        return providerPdfOf(licenseReports.report(actor, provider), locale);
    }

    /** For scheduled reports: the report as its maker may see it, as a PDF document. */
    public byte[] providerPdfOf(LicenseReport report, Locale locale) {
        String name = organizations.find(report.orgId()).map(Organization::name).orElseThrow(() -> new NotFoundException("organization"));
        return pdf.provider(report, name, organizations.timeZone(report.orgId()), locale);
    }

    /** For scheduled reports, whose maker's access was checked when the schedule was made. */
    public CustomerContractReport customerReportOf(OrgId customer) {
        Organization org = customer(customer);
        License license = organizations.licenseOf(customer).orElseThrow(() -> new NotFoundException("license"));
        Set<OrgId> one = Set.of(customer);
        var figures = new LicenseFigures(license.deviceLimit(), devices.activePrinterCountsOf(one).getOrDefault(customer, 0L),
                users.memberCountsOf(one).getOrDefault(customer, 0L), usage.reportedPagesOf(one).getOrDefault(customer, 0L));
        return new CustomerContractReport(customer, org.name(), org.status(), license, figures);
    }

    /** For scheduled reports, whose maker's access was checked when the schedule was made. */
    public ContractHistory historyOf(OrgId customer) {
        Organization org = customer(customer);
        List<LicenseChange> list = new ArrayList<>();
        List<ContractHistory.Term> terms = new ArrayList<>();
        for (LicenseChangeStore.Row row : changes.changesOf(customer)) {
            String who = row.changedBy() == null || row.parentId() == null ? null
                    : users.displayNameOf(row.parentId(), row.changedBy()).orElse(null);
            list.add(new LicenseChange(row.at(), row.changedBy(), who, row.before(), row.after()));
            License b = row.before();
            License a = row.after();
            if (b == null || !Objects.equals(b.termStart(), a.termStart()) || !Objects.equals(b.termEnd(), a.termEnd())) {
                terms.add(new ContractHistory.Term(a.termStart(), a.termEnd(), a.plan(), a.deviceLimit(), row.at()));
            }
        }
        return new ContractHistory(customer, org.name(), List.copyOf(list), List.copyOf(terms));
    }

    private Organization customer(OrgId id) {
        Organization org = organizations.find(id).orElseThrow(() -> new NotFoundException("organization"));
        if (org.kind() != OrgKind.CUSTOMER) {
            throw new NotFoundException("contract");
        }
        return org;
    }
}
