package org.opencps.ipp.internal.protocol;

import static org.opencps.ipp.internal.protocol.PrinterCapabilities.*;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.AttributeType;
import com.hp.jipp.encoding.EmptyAttribute;
import com.hp.jipp.encoding.KeywordOrName;
import com.hp.jipp.encoding.Name;
import com.hp.jipp.encoding.Resolution;
import com.hp.jipp.encoding.ResolutionUnit;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.MediaCol;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opencps.ipp.internal.persistence.IppJobStore.Ticket;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;

/**
 * Reads the job template a Print-Job, Validate-Job or Create-Job carries into a ticket. Values
 * outside what the queue offers are left out and reported as unsupported (or refused, with
 * ipp-attribute-fidelity). Accepted attributes the ticket has no field for yet (quality,
 * orientation, page ranges...) are checked and then dropped: the release device applies its own.
 */
public final class JobTemplate {

    static final int MAX_NAME_LENGTH = 255;

    record Parsed(Ticket ticket, List<Attribute<?>> unsupported) {
    }

    private final AttributeGroup group;
    private final List<Attribute<?>> unsupported = new ArrayList<>();
    private int copies = 1;
    private Sides sides;
    private ColorMode colorMode;
    private String media;

    private JobTemplate(AttributeGroup group) {
        this.group = group;
    }

    static Parsed parse(IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        String name = operation.single(Types.jobName).map(Name::getValue)
                .or(() -> operation.single(Types.documentName).map(Name::getValue))
                .filter(value -> !value.isBlank()).orElse("Untitled");
        boolean fidelity = operation.single(Types.ippAttributeFidelity).orElse(false);
        var template = new JobTemplate(request.jobAttributes());
        if (request.jobAttributes() != null) {
            for (Attribute<?> attribute : request.jobAttributes()) {
                template.check(attribute);
            }
        }
        if (fidelity && !template.unsupported.isEmpty()) {
            throw new IppStatusException(Status.clientErrorAttributesOrValuesNotSupported,
                    "the job asks for what this queue does not offer", template.unsupported);
        }
        String shortName = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        return new Parsed(new Ticket(shortName, template.copies, template.sides, template.colorMode, template.media),
                List.copyOf(template.unsupported));
    }

    private void check(Attribute<?> attribute) {
        boolean ok = switch (attribute.getName()) {
            case "copies" -> single(Types.copies, value -> value >= 1 && value <= MAX_COPIES, value -> copies = value);
            case "sides" -> single(Types.sides, SIDES::contains, value -> sides = sides(value));
            case "print-color-mode" -> single(Types.printColorMode, COLOR_MODES::contains, value -> colorMode = colorMode(value));
            case "media" -> single(Types.media, value -> isMedia(value.getKeyword()), value -> media = value.getKeyword());
            case "media-col" -> single(Types.mediaCol, value -> mediaName(value) != null, value -> media = mediaName(value));
            case "print-quality" -> single(Types.printQuality, value -> QUALITIES.contains(value.getCode()), value -> { });
            case "printer-resolution" -> single(Types.printerResolution, JobTemplate::offeredResolution, value -> { });
            case "orientation-requested" -> single(Types.orientationRequested, value -> ORIENTATIONS.contains(value.getCode()), value -> { });
            case "output-bin" -> single(Types.outputBin, value -> OUTPUT_BIN.equals(value.getKeyword()), value -> { });
            case "finishings" -> every(Types.finishings, value -> value.getCode() == FINISHINGS_NONE);
            case "print-content-optimize" -> single(Types.printContentOptimize, CONTENT_OPTIMIZE::contains, value -> { });
            case "print-rendering-intent" -> single(Types.printRenderingIntent, RENDERING_INTENTS::contains, value -> { });
            case "print-scaling" -> single(Types.printScaling, SCALING::contains, value -> { });
            case "multiple-document-handling" -> single(Types.multipleDocumentHandling, MULTIPLE_DOCUMENT_HANDLING::contains, value -> { });
            case "job-hold-until" -> single(Types.jobHoldUntil, value -> HOLD_UNTIL.contains(value.getKeyword()), value -> { });
            case "page-ranges" -> every(Types.pageRanges, range -> range.getFirst() >= 1 && range.getFirst() <= range.getLast());
            case "job-account-id" -> single(Types.jobAccountId, value -> value.getValue().length() <= MAX_NAME_LENGTH, value -> { });
            case "job-accounting-user-id" -> single(Types.jobAccountingUserId, value -> value.getValue().length() <= MAX_NAME_LENGTH, value -> { });
            case "number-up" -> single(Types.numberUp, value -> value == 1, value -> { });
            case "job-sheets" -> single(Types.jobSheets, value -> "none".equals(value.getKeyword()), value -> { });
            // sent by CUPS about the job on its side; nothing to do with them here
            case "overrides", "job-uuid", "job-originating-host-name", "document-name-supplied" -> true;
            default -> {
                unsupported.add(new EmptyAttribute<>(attribute.getName(), Tag.unsupported));
                yield true;
            }
        };
        if (!ok) {
            unsupported.add(attribute);
        }
    }

    private <T> boolean single(AttributeType<T> type, Predicate<T> offered, Consumer<T> use) {
        Attribute<?> sent = group.get(type.getName());
        T value = group.getValue(type);
        if (sent.size() != 1 || value == null || !offered.test(value)) {
            return false;
        }
        use.accept(value);
        return true;
    }

    private <T> boolean every(AttributeType<T> type, Predicate<T> offered) {
        List<T> values = group.getValues(type);
        return values.size() == group.get(type.getName()).size() && values.stream().allMatch(offered);
    }

    private static boolean offeredResolution(Resolution resolution) {
        return resolution.getUnit().equals(ResolutionUnit.dotsPerInch) && resolution.getX() == resolution.getY()
                && RESOLUTIONS_DPI.contains(resolution.getX());
    }

    /** The offered media a media-col names, by its media-size or, failing that, media-size-name. */
    private static String mediaName(MediaCol col) {
        MediaCol.MediaSize size = col.getMediaSize();
        Integer x = size == null ? null : size.getXDimension();
        Integer y = size == null ? null : size.getYDimension();
        if (x != null && y != null) {
            return mediaOfSize(x, y).map(Media::name).orElse(null);
        }
        KeywordOrName sizeName = col.getMediaSizeName();
        return sizeName != null && isMedia(sizeName.getKeyword()) ? sizeName.getKeyword() : null;
    }

    private static Sides sides(String keyword) {
        return switch (keyword) {
            case "two-sided-long-edge" -> Sides.TWO_SIDED_LONG_EDGE;
            case "two-sided-short-edge" -> Sides.TWO_SIDED_SHORT_EDGE;
            default -> Sides.ONE_SIDED;
        };
    }

    private static ColorMode colorMode(String keyword) {
        return switch (keyword) {
            case "color" -> ColorMode.COLOR;
            case "monochrome" -> ColorMode.MONOCHROME;
            default -> ColorMode.AUTO;
        };
    }

    public static String keyword(Sides sides) {
        return sides == null ? "one-sided" : sides.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String keyword(ColorMode colorMode) {
        return colorMode == null ? "auto" : colorMode.name().toLowerCase(Locale.ROOT);
    }
}
