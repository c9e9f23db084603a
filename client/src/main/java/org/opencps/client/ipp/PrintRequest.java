package org.opencps.client.ipp;

/**
 * A Print-Job's attributes: the job's name and its owner's, the document format and the job
 * template ({@code null} fields are not sent, so the printer's defaults apply).
 */
public record PrintRequest(String jobName, String userName, String documentFormat, Integer copies, String sides,
                           String colorMode, String media) {
}
