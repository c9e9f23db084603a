package org.opencps.scanning.cloud;

import java.io.IOException;
import java.io.InputStream;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Box direct: the device's upload streams straight into the person's Box account while the device
 * waits; nothing of it is kept here, not even temporarily.
 */
public interface BoxDirect {

    /** Streams {@code size} bytes of {@code body} into Box and answers how Box took it. */
    CloudUploadOutcome upload(OrgId organization, UserId person, String fileName, String contentType, long size,
                              InputStream body) throws IOException;
}
