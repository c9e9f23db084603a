package org.opencps.ipp.internal.protocol;

import static org.opencps.ipp.internal.protocol.PrinterCapabilities.*;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.IntOrIntRange;
import com.hp.jipp.encoding.IntType;
import com.hp.jipp.encoding.KeywordOrNameType;
import com.hp.jipp.encoding.KeywordType;
import com.hp.jipp.encoding.KeyValues;
import com.hp.jipp.encoding.Resolution;
import com.hp.jipp.encoding.ResolutionUnit;
import com.hp.jipp.encoding.UntypedCollection;
import com.hp.jipp.model.Finishing;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Orientation;
import com.hp.jipp.model.PrintQuality;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kotlin.ranges.IntRange;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.protocol.RequestedAttributes.Group;
import org.opencps.platform.config.PublicUrl;
import org.opencps.printing.DocumentFormat;
import org.springframework.stereotype.Component;

/**
 * The printer attributes of a queue (PWG 5100.14 and the gates of CUPS, macOS, iOS, Android,
 * ChromeOS and Windows, see IPP.md §1), filtered by requested-attributes. media-col-database is
 * large and only sent when asked for by name. Nothing is cached: the formats come from the
 * organization's policy as it is at the request, and printer-config-change-time moves when that
 * policy changes (or the server starts: a new version may offer other things), so that clients
 * caching the capabilities read them again.
 */
@Component
public class PrinterAttributes {

    private static final String MAKE_AND_MODEL = "OpenCPS Cloud Print Queue";
    /** Required attributes; a cloud queue has no speed of its own, so this is nominal. */
    private static final int PAGES_PER_MINUTE = 30;
    /** One supply of unknown type, capacity and level (RFC 3805 prtMarkerSuppliesLevel/-MaxCapacity -2: unknown). */
    static final KeyValues SUPPLY_UNKNOWN = new KeyValues("index", "1", "class", "supplyThatIsConsumed", "type", "other",
            "unit", "percent", "maxcapacity", "-2", "level", "-2", "colorantname", "unknown");

    private final Clock clock;
    private final String defaultMedia;
    private final PublicUrl publicUrl;
    private final Instant startedAt;

    PrinterAttributes(Clock clock, IppProperties ipp, PublicUrl publicUrl) {
        this.clock = clock;
        this.defaultMedia = ipp.defaultMedia();
        this.publicUrl = publicUrl;
        this.startedAt = clock.instant();
    }

    /**
     * All attributes, or those requested-attributes asks for (see {@link RequestedAttributes}). {@code accepted} are the formats the queue owner's organization
     * accepts: the formats offered, and what depends on them, follow it. {@code settingsChangedAt}:
     * when that organization last changed its print settings, null if never.
     */
    public List<Attribute<?>> attributes(IppContext context, int queuedJobCount, List<String> requested,
                                         Set<DocumentFormat> accepted, Instant settingsChangedAt) {
        var all = new Builder();
        Instant configChangedAt = settingsChangedAt != null && settingsChangedAt.isAfter(startedAt) ? settingsChangedAt : startedAt;
        describe(all, context, queuedJobCount, configChangedAt);
        formats(all, accepted);
        template(all, accepted.contains(DocumentFormat.PDF));
        var wanted = RequestedAttributes.of(requested);
        return all.attributes.stream().filter(attribute -> wanted.wants(attribute.getName(),
                all.template.contains(attribute.getName()) ? Group.JOB_TEMPLATE : Group.PRINTER_DESCRIPTION)).toList();
    }

    private void describe(Builder b, IppContext context, int queuedJobCount, Instant configChangedAt) {
        Instant now = clock.instant();
        b.add(Types.printerUriSupported.of(context.printerUri()));
        b.add(Types.uriSecuritySupported.of(context.secure() ? "tls" : "none"));
        b.add(Types.uriAuthenticationSupported.of(context.authentication().keyword()));
        b.add(Types.printerName.of("OpenCPS"));
        b.add(Types.printerInfo.of("OpenCPS secure print queue"));
        b.add(Types.printerLocation.of("Release your jobs at any OpenCPS printer"));
        b.add(Types.printerMakeAndModel.of(MAKE_AND_MODEL));
        b.add(Types.printerUuid.of(URI.create("urn:uuid:" + printerUuid(context))));
        b.add(Types.printerMoreInfo.of(publicUrl.uri().resolve("/")));
        b.add(Types.printerIcons.of(publicUrl.uri().resolve("/ipp/icon.png")));
        b.add(Types.printerGeoLocation.unknown());
        b.add(Types.printerOrganization.of("OpenCPS"));
        b.add(Types.printerOrganizationalUnit.of(""));
        b.add(Types.ippVersionsSupported.of("1.1", "2.0"));
        b.add(Types.ippFeaturesSupported.of("ipp-everywhere", "ipp-everywhere-server"));
        b.add(Types.operationsSupported.of(OPERATIONS.stream().sorted().map(Operation.Companion::get).toList()));
        b.add(Types.charsetConfigured.of("utf-8"));
        b.add(Types.charsetSupported.of("utf-8"));
        b.add(Types.naturalLanguageConfigured.of("en"));
        b.add(Types.generatedNaturalLanguageSupported.of("en"));
        b.add(Types.printerState.of(PrinterState.idle));
        b.add(Types.printerStateReasons.of("none"));
        b.add(Types.printerStateMessage.of("Ready"));
        b.add(Types.printerIsAcceptingJobs.of(true));
        b.add(Types.queuedJobCount.of(queuedJobCount));
        b.add(Types.printerUpTime.of(upTime(now)));
        b.add(Types.printerCurrentTime.of(calendar(now)));
        b.add(Types.printerStateChangeTime.of(upTime(startedAt)));
        b.add(Types.printerStateChangeDateTime.of(calendar(startedAt)));
        b.add(Types.printerConfigChangeTime.of(upTime(configChangedAt)));
        b.add(Types.printerConfigChangeDateTime.of(calendar(configChangedAt)));
        b.add(Types.compressionSupported.of(COMPRESSIONS));
        b.add(Types.colorSupported.of(true));
        b.add(Types.pagesPerMinute.of(PAGES_PER_MINUTE));
        b.add(Types.pagesPerMinuteColor.of(PAGES_PER_MINUTE));
        b.add(Types.pdlOverrideSupported.of("attempted"));
        b.add(Types.printerGetAttributesSupported.of("document-format"));
        b.add(Types.jobIdsSupported.of(true));
        b.add(Types.preferredAttributesSupported.of(false));
        b.add(Types.multipleDocumentJobsSupported.of(false));
        b.add(Types.multipleOperationTimeOut.of(JobOperations.MULTIPLE_OPERATION_TIME_OUT_SECONDS));
        b.add(Types.multipleOperationTimeOutAction.of("abort-job"));
        b.add(Types.whichJobsSupported.of(WHICH_JOBS));
        b.add(Types.jobCreationAttributesSupported.of(JOB_CREATION_ATTRIBUTES));
        b.add(Types.identifyActionsSupported.of("display"));
        b.add(Types.identifyActionsDefault.of("display"));
        b.add(Types.overridesSupported.of("document-number", "pages"));
        supplies(b);
    }

    /**
     * PWG 5100.13 wants the marker supplies. The queue's supplies are those of whichever printer
     * the person releases at, not known here: one entry with the Printer MIB's (RFC 3805) "unknown"
     * for the level and the capacity (-2), rather than a level clients would show as real.
     */
    private void supplies(Builder b) {
        b.add(Types.printerSupply.of(SUPPLY_UNKNOWN));
        b.add(Types.printerSupplyDescription.of("Supplies of the printer you release at (level unknown)"));
        b.add(Types.printerSupplyInfoUri.of(publicUrl.uri().resolve("/")));
    }

    /** The raster attributes only where that raster is accepted: a client seeing them would send it. */
    private static void formats(Builder b, Set<DocumentFormat> accepted) {
        b.add(Types.printerDeviceId.of("MFG:OpenCPS;MDL:Cloud Print Queue;CMD:" + commandSet(accepted) + ";"));
        b.add(Types.documentFormatSupported.of(documentFormats(accepted)));
        b.add(Types.documentFormatDefault.of(OCTET_STREAM));
        if (accepted.contains(DocumentFormat.PWG_RASTER)) {
            b.add(Types.pwgRasterDocumentResolutionSupported.of(PWG_RASTER_RESOLUTIONS_DPI.stream().map(PrinterAttributes::dpi).toList()));
            b.add(Types.pwgRasterDocumentTypeSupported.of(PWG_RASTER_TYPES));
            b.add(Types.pwgRasterDocumentSheetBack.of("normal"));
        }
        if (accepted.contains(DocumentFormat.URF)) {
            b.add(new KeywordType.Set("urf-supported").of(URF));
        }
    }

    private void template(Builder b, boolean pdfAccepted) {
        b.template(Types.copiesDefault.of(1));
        b.template(Types.copiesSupported.of(new IntRange(1, MAX_COPIES)));
        b.template(Types.sidesDefault.of("one-sided"));
        b.template(Types.sidesSupported.of(SIDES));
        b.template(Types.printColorModeDefault.of("auto"));
        b.template(Types.printColorModeSupported.of(COLOR_MODES));
        b.template(Types.printQualityDefault.of(PrintQuality.normal));
        b.template(Types.printQualitySupported.of(QUALITIES.stream().map(PrintQuality.Companion::get).toList()));
        b.template(Types.printerResolutionDefault.of(dpi(RESOLUTIONS_DPI.get(0))));
        b.template(Types.printerResolutionSupported.of(RESOLUTIONS_DPI.stream().map(PrinterAttributes::dpi).toList()));
        b.template(Types.orientationRequestedDefault.of(Orientation.portrait));
        b.template(Types.orientationRequestedSupported.of(ORIENTATIONS.stream().map(Orientation.Companion::get).toList()));
        b.template(Types.outputBinDefault.of(OUTPUT_BIN));
        b.template(Types.outputBinSupported.of(OUTPUT_BIN));
        b.template(Types.finishingsDefault.of(Finishing.none));
        b.template(Types.finishingsSupported.of(Finishing.none));
        b.template(Types.printContentOptimizeDefault.of("auto"));
        b.template(Types.printContentOptimizeSupported.of(CONTENT_OPTIMIZE));
        b.template(Types.printRenderingIntentDefault.of("auto"));
        b.template(Types.printRenderingIntentSupported.of(RENDERING_INTENTS));
        b.template(Types.printScalingDefault.of("auto"));
        b.template(Types.printScalingSupported.of(SCALING));
        b.template(Types.multipleDocumentHandlingDefault.of(MULTIPLE_DOCUMENT_HANDLING.get(0)));
        b.template(Types.multipleDocumentHandlingSupported.of(MULTIPLE_DOCUMENT_HANDLING));
        b.template(Types.jobHoldUntilDefault.of("no-hold"));
        b.template(Types.jobHoldUntilSupported.of(HOLD_UNTIL.get(0), HOLD_UNTIL.subList(1, HOLD_UNTIL.size()).toArray(String[]::new)));
        b.template(Types.jobAccountIdSupported.of(true));
        b.template(Types.jobAccountIdDefault.noValue());
        b.template(Types.jobAccountingUserIdSupported.of(true));
        b.template(Types.jobAccountingUserIdDefault.noValue());
        b.template(Types.pageRangesSupported.of(pdfAccepted));
        b.template(Types.numberUpDefault.of(1));
        b.template(Types.numberUpSupported.of(new IntOrIntRange(1)));
        b.template(Types.jobSheetsDefault.of("none"));
        b.template(Types.jobSheetsSupported.of("none"));
        media(b);
    }

    private void media(Builder b) {
        List<String> names = MEDIA.stream().map(Media::name).toList();
        String[] rest = names.subList(1, names.size()).toArray(String[]::new);
        b.template(Types.mediaDefault.of(defaultMedia));
        b.template(Types.mediaSupported.of(names.get(0), rest));
        b.template(Types.mediaReady.of(names.get(0), rest));
        b.template(Types.mediaColSupported.of("media-bottom-margin", "media-left-margin", "media-right-margin", "media-size",
                "media-source", "media-top-margin", "media-type"));
        b.template(new UntypedCollection.Type("media-col-default").of(mediaCol(MEDIA.stream()
                .filter(media -> media.name().equals(defaultMedia)).findFirst().orElseThrow(), true)));
        b.template(new UntypedCollection.SetType("media-col-ready").of(MEDIA.stream().map(media -> mediaCol(media, true)).toList()));
        b.template(new UntypedCollection.SetType(RequestedAttributes.MEDIA_COL_DATABASE).of(MEDIA.stream().map(media -> mediaCol(media, false)).toList()));
        b.template(new UntypedCollection.SetType("media-size-supported").of(MEDIA.stream().map(PrinterAttributes::size).toList()));
        for (String side : List.of("bottom", "left", "right", "top")) {
            b.template(new IntType.Set("media-" + side + "-margin-supported").of(MARGIN));
        }
        b.template(new KeywordOrNameType.Set("media-source-supported").of(MEDIA_SOURCE));
        b.template(new KeywordOrNameType.Set("media-type-supported").of(MEDIA_TYPE));
    }

    private static UntypedCollection mediaCol(Media media, boolean withSourceAndType) {
        List<Attribute<?>> members = new ArrayList<>(List.of(
                new UntypedCollection.Type("media-size").of(size(media)),
                new IntType("media-bottom-margin").of(MARGIN), new IntType("media-left-margin").of(MARGIN),
                new IntType("media-right-margin").of(MARGIN), new IntType("media-top-margin").of(MARGIN)));
        if (withSourceAndType) {
            members.add(new KeywordOrNameType("media-source").of(MEDIA_SOURCE));
            members.add(new KeywordOrNameType("media-type").of(MEDIA_TYPE));
        }
        return new UntypedCollection(members);
    }

    private static UntypedCollection size(Media media) {
        return new UntypedCollection(List.of(new IntType("x-dimension").of(media.width()),
                new IntType("y-dimension").of(media.length())));
    }

    /** Stable per queue, and not the queue id itself. */
    static UUID printerUuid(IppContext context) {
        return UUID.nameUUIDFromBytes(("opencps-ipp-queue:" + context.queue().id()).getBytes(StandardCharsets.UTF_8));
    }

    /** Seconds, as CUPS counts printer-up-time: since the epoch, so every server process agrees. */
    public static int upTime(Instant instant) {
        return (int) Math.max(1, instant.getEpochSecond());
    }

    public static Calendar calendar(Instant instant) {
        return GregorianCalendar.from(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Resolution dpi(int dpi) {
        return new Resolution(dpi, dpi, ResolutionUnit.dotsPerInch);
    }

    private static final class Builder {
        final List<Attribute<?>> attributes = new ArrayList<>();
        final Set<String> template = new HashSet<>();

        void add(Attribute<?> attribute) {
            attributes.add(attribute);
        }

        void template(Attribute<?> attribute) {
            attributes.add(attribute);
            template.add(attribute.getName());
        }
    }
}
