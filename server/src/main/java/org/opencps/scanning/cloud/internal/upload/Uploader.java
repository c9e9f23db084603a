package org.opencps.scanning.cloud.internal.upload;

import java.io.IOException;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudUpload;

/** One provider's upload protocol. */
public interface Uploader {

    boolean serves(CloudService service);

    /**
     * Resumes the session (or begins one) and sends what the provider lacks; answers the remote id
     * of the whole document. Failures are {@link CloudCallFailed} or an {@link IOException} (the
     * connection failed).
     */
    String upload(CloudUpload upload, UploadSession session, String accessToken, String driveId) throws IOException;
}
