package org.opencps.client.print;

/** The part of the server's job answer that {@code opencps print} shows. */
public record SubmittedJob(String id, String name, String format, long size, int pages, int copies, String sides,
                           String colorMode, String state) {
}
