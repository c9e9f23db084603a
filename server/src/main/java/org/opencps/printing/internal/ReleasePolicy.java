package org.opencps.printing.internal;

import org.opencps.platform.errors.InvalidInputException;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintSettings;
import org.opencps.printing.ReleaseOptions;

/**
 * The ticket a held job is released with: the job's own, changed by what the person asks for at
 * the printer, within the organization's policy. An explicit ask the policy forbids (colour where
 * black and white is forced, one-sided where duplex is forced) is refused; what the job's ticket
 * says is simply overridden by the policy. AUTO colour prints, and is charged, as colour.
 */
final class ReleasePolicy {

    record Ticket(int copies, ColorMode colorMode, Sides sides, int chargedPages) {

        boolean color() {
            return colorMode == ColorMode.COLOR;
        }
    }

    /** A release the organization's print policy does not allow (not a malformed request). */
    static final class PolicyRefusal extends InvalidInputException {

        PolicyRefusal(String field, String key, String message, Object... arguments) {
            super(field, key, message, arguments);
        }
    }

    private ReleasePolicy() {
    }

    static boolean isPolicyRefusal(InvalidInputException refused) {
        return refused instanceof PolicyRefusal;
    }

    static Ticket apply(PrintJob job, ReleaseOptions options, PrintSettings settings) {
        ReleaseOptions asked = options == null ? ReleaseOptions.none() : options;
        int copies = asked.copies() != null ? asked.copies() : job.copies();
        if (copies < 1 || copies > TicketRules.MAX_COPIES) {
            throw new InvalidInputException("copies", "problem.job.copies", "copies must be between 1 and " + TicketRules.MAX_COPIES, TicketRules.MAX_COPIES);
        }
        if (settings.forceMonochrome() && asked.colorMode() == ColorMode.COLOR) {
            throw new PolicyRefusal("colorMode", "problem.release.monochromeOnly", "this organization prints in black and white only");
        }
        if (settings.forceDuplex() && asked.sides() == Sides.ONE_SIDED) {
            throw new PolicyRefusal("sides", "problem.release.duplexOnly", "this organization prints on both sides only");
        }
        ColorMode wanted = asked.colorMode() != null ? asked.colorMode() : job.colorMode();
        ColorMode colorMode = settings.forceMonochrome() || wanted == ColorMode.MONOCHROME ? ColorMode.MONOCHROME : ColorMode.COLOR;
        Sides wantedSides = asked.sides() != null ? asked.sides() : job.sides();
        Sides sides = settings.forceDuplex() && wantedSides == Sides.ONE_SIDED ? Sides.TWO_SIDED_LONG_EDGE : wantedSides;
        long pages = (long) job.pages() * copies;
        Integer max = settings.maxPagesPerJob();
        if (max != null && pages > max) {
            throw new PolicyRefusal("pages", "problem.release.maxPages", "this job prints " + job.pages() + " page"
                    + (job.pages() == 1 ? "" : "s") + " x " + copies + " cop" + (copies == 1 ? "y" : "ies") + " = " + pages
                    + " pages; this organization allows at most " + max + " pages per job", job.pages(), copies, pages, max);
        }
        if (pages > Integer.MAX_VALUE / 2) {
            throw new InvalidInputException("pages", "problem.release.tooManyPages", "this job has too many pages to print at once");
        }
        return new Ticket(copies, colorMode, sides, (int) pages);
    }
}
