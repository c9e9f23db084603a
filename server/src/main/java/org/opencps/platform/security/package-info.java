/**
 * Who is calling (`Actor`), how the entry points authenticate them, and what their filter chains share; the API's
 * chain is here, the portal's and IPP's live in their modules.
 */
@NamedInterface("security")
package org.opencps.platform.security;

import org.springframework.modulith.NamedInterface;
