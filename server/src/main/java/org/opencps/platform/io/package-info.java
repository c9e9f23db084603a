/** Streams with explicit limits. */
@NamedInterface("io")
package org.opencps.platform.io;

import org.springframework.modulith.NamedInterface;
