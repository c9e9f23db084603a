package org.opencps.ipp;

/** A person's print queue with its address and how to add it on each system. */
public record QueueSetup(PrintQueue queue, String printerUri, String signIn, Instructions instructions) {

    /** One copy-paste line or short recipe per system. */
    public record Instructions(String linux, String macos, String windows, String ios, String android, String chromeos) {
    }
}
