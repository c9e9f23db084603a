package org.opencps.ipp.internal.infra;

import java.net.URI;

/** The printer a proxy acts for, and the Infrastructure Printer's URI as the proxy reached it. */
record InfraContext(OutputDevice device, URI printerUri, boolean secure) {

    URI jobUri(int number) {
        return URI.create(printerUri + "/" + number);
    }
}
