package org.opencps.printing.internal;

import org.opencps.platform.errors.InvalidInputException;
import org.opencps.printing.JobTicket;
import org.opencps.printing.ReleaseOptions;

/** What a job ticket may say; missing fields take their defaults. */
final class TicketRules {

    static final int MAX_COPIES = ReleaseOptions.MAX_COPIES;
    static final int MAX_NAME = 255;
    static final int MAX_MEDIA = 100;

    JobTicket validate(JobTicket ticket) {
        if (ticket == null || ticket.format() == null) {
            throw new InvalidInputException("format", "problem.job.format", "the document format is missing or not supported");
        }
        if (ticket.copies() < 1 || ticket.copies() > MAX_COPIES) {
            throw new InvalidInputException("copies", "problem.job.copies", "copies must be between 1 and " + MAX_COPIES, MAX_COPIES);
        }
        String name = ticket.name() == null || ticket.name().isBlank() ? "Untitled" : ticket.name().strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "problem.job.name", "the job name must be at most " + MAX_NAME + " printable characters", MAX_NAME);
        }
        String media = ticket.media() == null || ticket.media().isBlank() ? null : ticket.media().strip();
        if (media != null && (media.length() > MAX_MEDIA || !media.matches("[a-z0-9_.\\-]+"))) {
            throw new InvalidInputException("media", "problem.job.media", "media must be a PWG media name such as iso_a4_210x297mm");
        }
        return new JobTicket(name, ticket.format(), ticket.copies(),
                ticket.sides() == null ? JobTicket.Sides.ONE_SIDED : ticket.sides(),
                ticket.colorMode() == null ? JobTicket.ColorMode.AUTO : ticket.colorMode(),
                media, ticket.source() == null ? JobTicket.Source.API : ticket.source());
    }
}
