/** Proof-of-work challenges (no third party) for forms that anyone may send. */
@NamedInterface("captcha")
package org.opencps.platform.captcha;

import org.springframework.modulith.NamedInterface;
