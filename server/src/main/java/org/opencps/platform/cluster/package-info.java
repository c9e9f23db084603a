/** Signals between the server processes that share one database (wake-ups, never the truth). */
@NamedInterface("cluster")
package org.opencps.platform.cluster;

import org.springframework.modulith.NamedInterface;
