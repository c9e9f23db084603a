/** Part of the reporting module's face that the portal uses: see the classes' own descriptions. */
@NamedInterface("schedules")
package org.opencps.reporting.schedule;

import org.springframework.modulith.NamedInterface;
