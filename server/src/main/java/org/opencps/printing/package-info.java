/**
 * Print jobs: submission (the document stored encrypted, its pages counted), holding, expiry and
 * the organization's print settings. The entry points (REST here, IPP, portal) call {@link
 * org.opencps.printing.PrintJobs}.
 */
@ApplicationModule(allowedDependencies = {"documents", "access", "identity", "tenancy", "platform", "platform :: *"})
package org.opencps.printing;

import org.springframework.modulith.ApplicationModule;
