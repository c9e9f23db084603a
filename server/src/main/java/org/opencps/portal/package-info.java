/**
 * The web portal: server-rendered pages (Thymeleaf and htmx) for every level of the organization
 * tree. Its controllers authenticate and call the same module faces as the REST API, so every page
 * passes the same access policy. An entry point: nothing depends on it. Pages are grouped by
 * feature under {@code internal/}; their templates live in {@code templates/<feature>/}.
 */
package org.opencps.portal;
