/**
 * The web portal: server-rendered pages (Thymeleaf and htmx) for every level of the organization
 * tree. Its controllers authenticate and call the same module faces as the REST API, so every page
 * passes the same access policy. An entry point: nothing depends on it. Pages are grouped by
 * feature under {@code internal/}; their templates live in {@code templates/<feature>/}; the portal's own
 * filter chain and CSRF tokens are in {@code internal/security}.
 */
@ApplicationModule(allowedDependencies = {"access", "audit", "tenancy", "identity", "printing", "devices", "reporting", "reporting :: *", "ipp", "scanning", "scanning :: cloud", "platform :: *"})
package org.opencps.portal;

import org.springframework.modulith.ApplicationModule;
