package org.opencps.scanning.cloud;

import java.io.IOException;
import java.io.InputStream;

/** A stored scan document, readable again from any offset so that an interrupted upload resumes. */
@FunctionalInterface
public interface ScanContent {

    InputStream openFrom(long offset) throws IOException;
}
