/** Part of the reporting module's face that the portal uses: see the classes' own descriptions. */
@NamedInterface("recipients")
package org.opencps.reporting.recipients;

import org.springframework.modulith.NamedInterface;
