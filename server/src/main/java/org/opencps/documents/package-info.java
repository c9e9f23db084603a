/**
 * The encrypted document store: every print and scan document, encrypted while it streams with its
 * organization's own key, in the filesystem or an S3-compatible store. Purging an organization
 * destroys its keys. It checks no access itself: its callers (printing, scanning) do.
 */
@ApplicationModule(allowedDependencies = {"tenancy", "platform :: *"})
package org.opencps.documents;

import org.springframework.modulith.ApplicationModule;
