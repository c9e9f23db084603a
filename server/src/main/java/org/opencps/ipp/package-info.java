/**
 * IPP Everywhere print queues. Every member of a customer organization has one queue, reached
 * at {@code /ipp/print/{queueId}} with HTTP Basic, and optionally a secret queue URL
 * ({@code /ipp/secret/{secret}}) for clients that cannot authenticate. The protocol layer talks
 * to the printing module only through {@code PrintJobs}. An entry point: nothing calls it.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "identity", "printing", "devices", "platform :: *"})
package org.opencps.ipp;

import org.springframework.modulith.ApplicationModule;
