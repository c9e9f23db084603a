/**
 * Print jobs: submission (the document stored encrypted, its pages counted), holding, expiry,
 * release to devices with the organization's policies and monthly quotas (charged in the release's
 * own transaction), outcomes (a printed job's usage is reporting's, recorded from
 * {@link org.opencps.printing.PrintJobCompleted}), and the organization's print settings. The
 * entry points (REST here, IPP, portal) call {@link org.opencps.printing.PrintJobs}; the device API
 * calls {@link org.opencps.printing.PrintReleases}.
 */
@ApplicationModule(allowedDependencies = {"documents", "access", "identity", "tenancy", "platform :: *"})
package org.opencps.printing;

import org.springframework.modulith.ApplicationModule;
