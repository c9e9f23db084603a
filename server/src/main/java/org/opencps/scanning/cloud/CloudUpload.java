package org.opencps.scanning.cloud;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * One delivery of a scan document to a person's linked account. {@code deliveryKey} names the
 * delivery across attempts: an upload session begun under it is resumed, not restarted.
 */
public record CloudUpload(String deliveryKey, OrgId organization, UserId person, CloudService service,
                          String fileName, String contentType, long size, ScanContent content) {
}
