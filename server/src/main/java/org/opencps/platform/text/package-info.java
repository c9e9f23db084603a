/** Checks and normalisation of names and other short texts. */
@NamedInterface("text")
package org.opencps.platform.text;

import org.springframework.modulith.NamedInterface;
