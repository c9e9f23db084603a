/** Sending e-mail: through SMTP when configured, else into the outbox folder. */
@NamedInterface("mail")
package org.opencps.platform.mail;

import org.springframework.modulith.NamedInterface;
