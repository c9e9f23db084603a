/** The ids of organizations, people and devices, which every module passes around. */
@NamedInterface("ids")
package org.opencps.platform.ids;

import org.springframework.modulith.NamedInterface;
