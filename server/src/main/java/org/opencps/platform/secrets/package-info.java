/** The master key, server secrets and random tokens. */
@NamedInterface("secrets")
package org.opencps.platform.secrets;

import org.springframework.modulith.NamedInterface;
