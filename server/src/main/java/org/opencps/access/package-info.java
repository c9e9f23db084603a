/**
 * Roles, permissions and THE access policy (PRODUCT.md §2 as code), which every module face asks
 * first. It sits below tenancy and identity and learns the organization tree through its own port,
 * {@link org.opencps.access.OrganizationLookup}.
 */
@ApplicationModule(allowedDependencies = {"platform :: *"})
package org.opencps.access;

import org.springframework.modulith.ApplicationModule;
