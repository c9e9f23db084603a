/**
 * Cloud storage: what scan delivery needs of a linked account ({@link org.opencps.scanning.cloud.CloudStorage},
 * {@link org.opencps.scanning.cloud.BoxDirect}) and the linking of accounts by their owners
 * ({@link org.opencps.scanning.cloud.CloudAccounts}), which the portal's page calls.
 */
@NamedInterface("cloud")
package org.opencps.scanning.cloud;

import org.springframework.modulith.NamedInterface;
