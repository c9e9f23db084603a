/**
 * Scanning: what a person logged in at a device may scan to, the streamed upload of a scan, and
 * its delivery to the person, e-mail, an address book entry or a linked cloud storage account.
 * Scanned documents live in the encrypted document store; reports learn of scans only from the
 * events this module publishes.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "identity", "devices", "documents", "printing", "platform :: *"})
package org.opencps.scanning;

import org.springframework.modulith.ApplicationModule;
