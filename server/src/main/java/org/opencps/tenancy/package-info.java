/**
 * The organization tree: root provider, providers and customers, their licenses, settings, region
 * links and offboarding.
 */
@ApplicationModule(allowedDependencies = {"access", "platform :: *"})
package org.opencps.tenancy;

import org.springframework.modulith.ApplicationModule;
