/**
 * Where the request being served comes from (source address and user agent), for events that
 * record it at the moment of the action, without their modules depending on the web layer.
 */
@NamedInterface("origin")
package org.opencps.platform.origin;

import org.springframework.modulith.NamedInterface;
