package org.opencps.tenancy;

/** The ways a person may log in at the organization's printers (never SSO: see PRODUCT.md §3). */
public enum DeviceLoginMethod {
    PIN, CARD, PASSWORD
}
