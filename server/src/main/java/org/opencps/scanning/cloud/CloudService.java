package org.opencps.scanning.cloud;

/** The cloud storage services a person can link and have scans delivered to. */
public enum CloudService {
    DRIVE, ONEDRIVE, SHAREPOINT, BOX
}
