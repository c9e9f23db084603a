/**
 * What operators watch: the product's own metrics, counted from the events the other modules
 * publish (jobs submitted, held, released, printed, expired; releases refused; scans delivered and
 * failed; sign-in failures and lockouts) and
 * served with Boot's HTTP, JVM and connection pool metrics at {@code /actuator/prometheus}.
 * Like audit it only listens; no module calls it.
 */
@ApplicationModule(allowedDependencies = {"identity", "printing", "devices", "scanning", "platform :: *"})
package org.opencps.operations;

import org.springframework.modulith.ApplicationModule;
