package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Get-Printer-Attributes needs no credentials and answers everything IPP Everywhere clients check. */
@OpenCpsTest
class IppPrinterAttributesTest {

    /** The attributes PWG 5100.14 and the clients' gates need (IPP.md §1). */
    static final List<String> REQUIRED = List.of("printer-name", "printer-info", "printer-location", "printer-make-and-model",
            "printer-uuid", "printer-more-info", "printer-icons", "printer-device-id", "printer-geo-location",
            "printer-organization", "printer-organizational-unit", "ipp-versions-supported", "ipp-features-supported",
            "operations-supported", "charset-configured", "charset-supported", "natural-language-configured",
            "generated-natural-language-supported", "printer-uri-supported", "uri-security-supported",
            "uri-authentication-supported", "printer-state", "printer-state-reasons", "printer-state-message",
            "printer-is-accepting-jobs", "queued-job-count", "printer-up-time", "printer-current-time",
            "printer-state-change-date-time", "printer-config-change-time", "document-format-supported",
            "document-format-default", "compression-supported", "pwg-raster-document-resolution-supported",
            "pwg-raster-document-type-supported", "pwg-raster-document-sheet-back", "urf-supported", "page-ranges-supported",
            "media-supported", "media-default", "media-ready", "media-col-default", "media-col-ready", "media-size-supported",
            "media-top-margin-supported", "media-bottom-margin-supported", "media-left-margin-supported",
            "media-right-margin-supported", "media-source-supported", "media-type-supported", "copies-default",
            "copies-supported", "sides-default", "sides-supported", "print-color-mode-default", "print-color-mode-supported",
            "print-quality-default", "print-quality-supported", "printer-resolution-default", "printer-resolution-supported",
            "orientation-requested-default", "orientation-requested-supported", "output-bin-default", "output-bin-supported",
            "finishings-default", "finishings-supported", "print-content-optimize-default", "print-content-optimize-supported",
            "print-rendering-intent-default", "print-rendering-intent-supported", "multiple-document-handling-default",
            "multiple-document-handling-supported", "job-creation-attributes-supported", "job-ids-supported",
            "preferred-attributes-supported", "multiple-operation-time-out", "multiple-operation-time-out-action",
            "which-jobs-supported", "pdl-override-supported", "pages-per-minute", "color-supported",
            "printer-get-attributes-supported");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;

    IppCalls calls;
    World.Person person;
    PrintQueue queue;

    @BeforeEach
    void queue() {
        calls = new IppCalls(mvc);
        person = world.person(world.customer(world.root(), Ipp.unique("Attributes Co")), FixedRole.CUSTOMER_USER);
        queue = queues.mine(person.actor());
    }

    @Test
    void answersWithoutCredentialsWithEveryRequiredAttribute() throws Exception {
        var response = calls.ipp("/ipp/print/" + queue.id(), Ipp.request(Operation.getPrinterAttributes), null);

        assertThat(Ipp.status(response)).isEqualTo(Status.successfulOk);
        assertThat(response.getRequestId()).isEqualTo(42);
        var printer = Ipp.printer(response);
        assertThat(Ipp.names(printer)).containsAll(REQUIRED).doesNotContain("media-col-database");
        assertThat(printer.getStrings(Types.documentFormatSupported))
                .contains("application/pdf", "image/jpeg", "image/pwg-raster", "image/urf");
        assertThat(printer.getStrings(Types.ippFeaturesSupported)).contains("ipp-everywhere", "ipp-everywhere-server");
        assertThat(printer.getValues(Types.operationsSupported)).extracting(Operation::getCode)
                .contains(0x02, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x39, 0x3B);
        assertThat(printer.getStrings(Types.uriAuthenticationSupported)).containsExactly("basic");
        assertThat(printer.getStrings(Types.uriSecuritySupported)).containsExactly("tls");
        assertThat(printer.getValues(Types.printerUriSupported)).singleElement().asString()
                .startsWith("ipps://localhost:").endsWith("/ipp/print/" + queue.id());
        assertThat(printer.getValue(Types.queuedJobCount)).isZero();
    }

    @Test
    void mediaColDatabaseOnlyWhenAskedForByName() throws Exception {
        var all = calls.ipp("/ipp/print/" + queue.id(), Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.requestedAttributes.of("all", "media-col-database")), null);
        assertThat(Ipp.names(Ipp.printer(all))).contains("media-col-database", "printer-name");

        var one = calls.ipp("/ipp/print/" + queue.id(), Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.requestedAttributes.of("printer-uri-supported")), null);
        assertThat(Ipp.names(Ipp.printer(one))).containsExactly("printer-uri-supported");

        var template = calls.ipp("/ipp/print/" + queue.id(), Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.requestedAttributes.of("job-template")), null);
        assertThat(Ipp.names(Ipp.printer(template))).contains("copies-supported", "media-col-ready")
                .doesNotContain("printer-name", "media-col-database");
    }

    @Test
    void printerUuidIsStablePerQueueAndDiffersBetweenQueues() throws Exception {
        var other = queues.mine(world.person(world.customer(world.root(), Ipp.unique("Other Co")), FixedRole.CUSTOMER_USER).actor());
        String first = uuid(queue);
        assertThat(uuid(queue)).isEqualTo(first).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContain(queue.id().toString());
        assertThat(uuid(other)).isNotEqualTo(first);
        assertThat(queues.mine(person.actor()).id()).isEqualTo(queue.id());
    }

    @Test
    void overPlainHttpTheQueueSaysSo() throws Exception {
        var response = Ipp.parse(calls.http("/ipp/print/" + queue.id(), Ipp.bytes(Ipp.request(Operation.getPrinterAttributes)),
                null, false).getContentAsByteArray());
        assertThat(Ipp.printer(response).getStrings(Types.uriSecuritySupported)).containsExactly("none");
        assertThat(Ipp.printer(response).getValues(Types.printerUriSupported)).singleElement().asString()
                .startsWith("ipp://localhost:80/ipp/print/");
    }

    @Test
    void anUnknownQueueIs404() throws Exception {
        byte[] body = Ipp.bytes(Ipp.request(Operation.getPrinterAttributes));
        assertThat(calls.http("/ipp/print/" + java.util.UUID.randomUUID(), body, null, true).getStatus()).isEqualTo(404);
        assertThat(calls.http("/ipp/print/not-a-queue", body, null, true).getStatus()).isEqualTo(404);
        assertThat(calls.http("/ipp/secret/" + "A".repeat(43), body, null, true).getStatus()).isEqualTo(404);
    }

    @Test
    void anUnsupportedDocumentFormatIsSaidSo() throws Exception {
        var response = calls.ipp("/ipp/print/" + queue.id(), Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.documentFormat.of("application/postscript")), null);
        assertThat(Ipp.status(response)).isEqualTo(Status.clientErrorDocumentFormatNotSupported);
    }

    private String uuid(PrintQueue of) throws Exception {
        var response = calls.ipp("/ipp/print/" + of.id(), Ipp.request(Operation.getPrinterAttributes), null);
        return Ipp.printer(response).getValue(Types.printerUuid).toString();
    }
}
