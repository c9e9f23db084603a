/** Request-rate and failure budgets. */
@NamedInterface("ratelimit")
package org.opencps.platform.ratelimit;

import org.springframework.modulith.NamedInterface;
