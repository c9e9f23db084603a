package org.opencps.scanning;

/**
 * What the device says about a scan it uploads. {@code to} is me, email, address, drive, onedrive,
 * sharepoint, box or workflow; {@code address} names an address-book entry, {@code email} an
 * address typed at the device (only where the organization allows it), {@code workflow} a scan
 * workflow by name. {@code fileName} is a file-name pattern, {@code password} encrypts a PDF; both
 * optional. The password is used once and never kept or logged.
 */
public record ScanRequest(String to, String address, String email, String workflow, ScanFormat format, String fileName,
                          String password) {

    @Override
    public String toString() {
        return "ScanRequest[to=" + to + ", address=" + address + ", workflow=" + workflow + ", format=" + format
                + ", fileName=" + fileName + ", password=" + (password == null ? "none" : "given") + "]";
    }
}
