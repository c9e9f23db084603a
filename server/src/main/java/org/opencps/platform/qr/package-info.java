/** QR codes as images, for phones to read (a printer's release page, an authenticator app's secret). */
@NamedInterface("qr")
package org.opencps.platform.qr;

import org.springframework.modulith.NamedInterface;
