/**
 * Cross-cutting infrastructure: ids, errors, security plumbing, mail, secrets, configuration, rate
 * limits and TLS. It depends on no other module. Other modules may use only the packages named as
 * its interfaces (each sub-package's {@code @NamedInterface}); scheduling, time and TLS are its own.
 */
@ApplicationModule
package org.opencps.platform;

import org.springframework.modulith.ApplicationModule;
