/**
 * Cross-cutting infrastructure every module may use: ids, errors, security plumbing, mail,
 * secrets, configuration, rate limits and TLS. It depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.opencps.platform;

import org.springframework.modulith.ApplicationModule;
