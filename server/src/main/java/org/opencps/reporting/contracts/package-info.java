/** Part of the reporting module's face that the portal uses: see the classes' own descriptions. */
@NamedInterface("contracts")
package org.opencps.reporting.contracts;

import org.springframework.modulith.NamedInterface;
