/** HTTPS from PEM files, reloaded on renewal; a clear warning when the server runs plain HTTP. */
package org.opencps.platform.tls;
