/** Who is calling (`Actor`) and how the entry points authenticate them. */
@NamedInterface("security")
package org.opencps.platform.security;

import org.springframework.modulith.NamedInterface;
