package org.opencps.scanning.cloud;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** Delivery of scans to the cloud storage accounts people link in the portal. */
public interface CloudStorage {

    /** Whether the person has linked an account of this service in this organization. */
    boolean linked(OrgId organization, UserId person, CloudService service);

    /** One attempt at delivering the document; resumes the upload session begun under its delivery key. */
    CloudUploadOutcome upload(CloudUpload upload);
}
