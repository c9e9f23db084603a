package org.opencps.ipp.internal.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.opencps.printing.DocumentFormat;

/**
 * What every queue accepts. The queue is not a device: the printer a job is released at comes
 * later, so these are the values clients commonly send, and the formats OpenCPS can count pages of.
 */
public final class PrinterCapabilities {

    /** The media offered, by PWG self-describing name, with their size in hundredths of a millimetre. */
    public record Media(String name, int width, int length) {
    }

    public static final List<Media> MEDIA = List.of(
            new Media("iso_a4_210x297mm", 21000, 29700),
            new Media("na_letter_8.5x11in", 21590, 27940),
            new Media("na_legal_8.5x14in", 21590, 35560),
            new Media("iso_a3_297x420mm", 29700, 42000),
            new Media("iso_a5_148x210mm", 14800, 21000),
            new Media("na_index-4x6_4x6in", 10160, 15240));

    /** 1/6 inch on every side, the margin most office printers need. */
    public static final int MARGIN = 423;
    public static final String MEDIA_SOURCE = "auto";
    public static final String MEDIA_TYPE = "stationery";

    public static final String OCTET_STREAM = "application/octet-stream";
    /** Every format OpenCPS reads; a queue offers those its organization's policy allows ({@link #documentFormats}). */
    public static final List<String> DOCUMENT_FORMATS = documentFormats(EnumSet.allOf(DocumentFormat.class));
    /** How printer-device-id's CMD names each format (IEEE 1284 command sets, as CUPS and ippeveprinter write them). */
    private static final Map<DocumentFormat, String> COMMAND_SETS = Map.of(DocumentFormat.PDF, "PDF", DocumentFormat.JPEG, "JPEG",
            DocumentFormat.PWG_RASTER, "PWGRaster", DocumentFormat.URF, "URF");
    public static final List<String> COMPRESSIONS = List.of("none", "deflate", "gzip");

    public static final int MAX_COPIES = 999;
    public static final List<String> SIDES = List.of("one-sided", "two-sided-long-edge", "two-sided-short-edge");
    public static final List<String> COLOR_MODES = List.of("auto", "color", "monochrome");
    public static final List<Integer> QUALITIES = List.of(3, 4, 5);
    public static final List<Integer> RESOLUTIONS_DPI = List.of(300, 600);
    public static final List<Integer> ORIENTATIONS = List.of(3, 4, 5, 6);
    public static final String OUTPUT_BIN = "face-down";
    public static final int FINISHINGS_NONE = 3;
    public static final List<String> CONTENT_OPTIMIZE = List.of("auto", "graphic", "photo", "text", "text-and-graphic");
    public static final List<String> RENDERING_INTENTS = List.of("auto", "perceptual", "relative", "relative-bpc", "saturation", "absolute");
    public static final List<String> SCALING = List.of("auto", "auto-fit", "fill", "fit", "none");
    public static final List<String> MULTIPLE_DOCUMENT_HANDLING =
            List.of("separate-documents-uncollated-copies", "separate-documents-collated-copies");
    public static final List<String> HOLD_UNTIL = List.of("no-hold", "indefinite");
    public static final List<String> WHICH_JOBS = List.of("completed", "not-completed", "all");

    /** Job template attributes a client may send; each is checked against the values above. */
    public static final List<String> JOB_CREATION_ATTRIBUTES = List.of("copies", "finishings", "job-account-id",
            "job-accounting-user-id", "job-hold-until", "job-name", "job-sheets", "media", "media-col", "multiple-document-handling",
            "number-up", "orientation-requested", "output-bin", "overrides", "page-ranges", "print-color-mode", "print-content-optimize",
            "print-quality", "print-rendering-intent", "print-scaling", "printer-resolution", "sides");

    public static final List<Integer> PWG_RASTER_RESOLUTIONS_DPI = List.of(150, 300, 600);
    public static final List<String> PWG_RASTER_TYPES = List.of("black_1", "sgray_8", "srgb_8");
    /** Apple raster: version 1.4, copies, duplex, 300 and 600 dpi, sRGB and grey 8 bits, qualities 3-5. */
    public static final List<String> URF = List.of("V1.4", "CP1", "DM1", "IS1", "MT1", "PQ3-4-5", "RS300-600", "SRGB24", "W8");

    /** Operations offered, in code order. Identify-Printer is accepted and does nothing: there is no device to identify. */
    public static final Set<Integer> OPERATIONS = Set.of(0x0002, 0x0004, 0x0005, 0x0006, 0x0008, 0x0009, 0x000A, 0x000B,
            0x000C, 0x000D, 0x0039, 0x003B, 0x003C);

    private PrinterCapabilities() {
    }

    /**
     * document-format-supported for an organization that accepts {@code accepted}: those, in a fixed
     * order, then application/octet-stream. That one stays whatever the policy: it is the default
     * (the document's first bytes tell its format) and a document detected as a format the policy
     * refuses is refused then, as a declared one is.
     */
    public static List<String> documentFormats(Set<DocumentFormat> accepted) {
        List<String> formats = new ArrayList<>(inOrder(accepted).map(DocumentFormat::mediaType).toList());
        formats.add(OCTET_STREAM);
        return List.copyOf(formats);
    }

    /** The CMD part of printer-device-id: the accepted formats, comma-separated. */
    public static String commandSet(Set<DocumentFormat> accepted) {
        return String.join(",", inOrder(accepted).map(COMMAND_SETS::get).toList());
    }

    private static Stream<DocumentFormat> inOrder(Set<DocumentFormat> formats) {
        return Arrays.stream(DocumentFormat.values()).filter(formats::contains);
    }

    public static boolean isMedia(String name) {
        return MEDIA.stream().anyMatch(media -> media.name().equals(name));
    }

    /** The offered media of this size, allowing a millimetre for rounding. */
    public static Optional<Media> mediaOfSize(int width, int length) {
        return MEDIA.stream()
                .filter(media -> Math.abs(media.width() - width) <= 100 && Math.abs(media.length() - length) <= 100)
                .findFirst();
    }
}
