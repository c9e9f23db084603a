/**
 * Reports: usage records and their roll-ups. It learns of work only from other modules' events
 * ({@link org.opencps.printing.PrintJobCompleted}) and answers queries through its faces
 * ({@link org.opencps.reporting.UsageReports}; the pages figure of tenancy's license reports through
 * tenancy's {@code LicenseUsageSource} port). Nothing depends on it but the entry points (the
 * portal, and its own API controllers).
 */
@ApplicationModule(allowedDependencies = {"printing", "access", "tenancy", "platform :: *"})
package org.opencps.reporting;

import org.springframework.modulith.ApplicationModule;
