package org.opencps.portal.internal.release;

import java.util.List;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.portal.internal.web.Forms;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;
import org.opencps.printing.ReleaseOptions;
import org.opencps.printing.ReleaseRules;

/**
 * Copies, colour and sides as the release page's form sends them, each empty for "as submitted".
 * Read as the fields of a form that was only ever shown with the policy fixed: an ask the
 * organization forbids (colour where black and white is forced, one-sided where duplex is) is
 * dropped, so the policy prints the job as it must; anything else unreadable refuses the release.
 */
record ReleaseChoices(String copies, String colorMode, String sides) {

    /** The colours the page offers besides "as submitted" (AUTO is what a job without a choice has). */
    static final List<ColorMode> COLOURS = List.of(ColorMode.COLOR, ColorMode.MONOCHROME);
    static final List<Sides> SIDES = List.of(Sides.values());

    ReleaseOptions options(ReleaseRules rules) {
        ColorMode colour = choice("colorMode", colorMode, COLOURS, "problem.release.colorMode", "choose colour, black and white or as submitted");
        Sides side = choice("sides", sides, SIDES, "problem.release.sides", "choose one of the offered sides, or as submitted");
        return new ReleaseOptions(copyCount(),
                rules.forceMonochrome() && colour == ColorMode.COLOR ? null : colour,
                rules.forceDuplex() && side == Sides.ONE_SIDED ? null : side);
    }

    private Integer copyCount() {
        String text = Forms.blankToNull(copies);
        if (text == null) {
            return null;
        }
        int value = text.matches("[0-9]{1,4}") ? Integer.parseInt(text) : 0;
        if (value < 1 || value > ReleaseOptions.MAX_COPIES) {
            throw new InvalidInputException("copies", "problem.job.copies",
                    "copies must be a whole number between 1 and " + ReleaseOptions.MAX_COPIES, ReleaseOptions.MAX_COPIES);
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(String field, String text, List<E> offered, String key, String message) {
        String name = Forms.blankToNull(text);
        if (name == null) {
            return null;
        }
        return offered.stream().filter(value -> value.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, key, message));
    }
}
