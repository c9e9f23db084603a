/** The server's settings (`opencps.*`) and its data directory. */
@NamedInterface("config")
package org.opencps.platform.config;

import org.springframework.modulith.NamedInterface;
