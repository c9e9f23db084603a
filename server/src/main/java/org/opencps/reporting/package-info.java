/**
 * Reports: usage records and their roll-ups. It learns of work only from other modules' events
 * ({@link org.opencps.printing.PrintJobCompleted}) and answers queries through its faces
 * ({@link org.opencps.reporting.UsageReports}, {@link org.opencps.reporting.LicenseReports}). The
 * license roll-up asks tenancy for the customers below a provider and identity and devices for
 * their counts, through faces named for what they span; the pages come from its own usage records.
 * Nothing depends on it but the entry points (the portal, and its own API controllers).
 */
@ApplicationModule(allowedDependencies = {"printing", "scanning", "access", "tenancy", "identity", "devices", "platform :: *"})
package org.opencps.reporting;

import org.springframework.modulith.ApplicationModule;
