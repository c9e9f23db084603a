/**
 * Periodic jobs ({@link org.opencps.platform.scheduling.PeriodicJob}) that run once per period
 * across the server processes on one database.
 */
@NamedInterface("scheduling")
package org.opencps.platform.scheduling;

import org.springframework.modulith.NamedInterface;
