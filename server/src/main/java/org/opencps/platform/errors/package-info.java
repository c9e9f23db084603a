/** The exceptions every module throws for bad input and refusals; the web layer turns them into problem+json. */
@NamedInterface("errors")
package org.opencps.platform.errors;

import org.springframework.modulith.NamedInterface;
