/** What entry points share: strict JSON, streaming multipart bodies, error answers. */
@NamedInterface("web")
package org.opencps.platform.web;

import org.springframework.modulith.NamedInterface;
