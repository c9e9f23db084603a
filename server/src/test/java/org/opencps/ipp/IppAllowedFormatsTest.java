package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintSettings;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A queue offers the document formats its owner's organization accepts (PRODUCT.md §4, "allowed
 * document types"), and Validate-Job refuses the others exactly as Print-Job does; its
 * printer-config-change-time tells clients caching that offer when the policy changed.
 */
@OpenCpsTest
class IppAllowedFormatsTest {

    static final String PDF = "application/pdf";
    static final String OCTET_STREAM = "application/octet-stream";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired PrintAdministration printAdministration;
    @Autowired MutableClock clock;

    IppCalls calls;
    OrgId org;
    Actor admin;
    World.Person person;
    String path;
    String auth;

    @BeforeEach
    void queue() {
        calls = new IppCalls(mvc);
        org = world.customer(world.root(), Ipp.unique("Formats Co"));
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        person = world.person(org, FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
        auth = Ipp.basic(person.email(), World.PASSWORD);
    }

    @Test
    void withoutAPolicyEveryFormatAndItsRasterAttributesAreOffered() throws Exception {
        var printer = printerAttributes(path);

        assertThat(printer.getStrings(Types.documentFormatSupported))
                .containsExactly(PDF, "image/jpeg", "image/pwg-raster", "image/urf", OCTET_STREAM);
        assertThat(Ipp.names(printer)).contains("urf-supported", "pwg-raster-document-type-supported",
                "pwg-raster-document-resolution-supported", "pwg-raster-document-sheet-back");
        assertThat(printer.getValue(Types.pageRangesSupported)).isTrue();
        assertThat(printer.getString(Types.printerDeviceId)).contains("CMD:PDF,JPEG,PWGRaster,URF;");
    }

    @Test
    void aPdfOnlyOrganizationOffersPdfAndNoRaster() throws Exception {
        allow(DocumentFormat.PDF);

        var printer = printerAttributes(path);

        assertThat(printer.getStrings(Types.documentFormatSupported)).containsExactly(PDF, OCTET_STREAM);
        assertThat(printer.getStrings(Types.documentFormatSupported)).contains(printer.getString(Types.documentFormatDefault));
        assertThat(Ipp.names(printer)).doesNotContain("urf-supported", "pwg-raster-document-type-supported",
                "pwg-raster-document-resolution-supported", "pwg-raster-document-sheet-back");
        assertThat(printer.getValue(Types.pageRangesSupported)).isTrue();
        assertThat(printer.getString(Types.printerDeviceId)).contains("CMD:PDF;");
    }

    @Test
    void withoutPdfPageRangesAreNotOfferedAndOnlyTheAcceptedRasterIs() throws Exception {
        allow(DocumentFormat.JPEG, DocumentFormat.URF);

        var printer = printerAttributes(path);

        assertThat(printer.getStrings(Types.documentFormatSupported)).containsExactly("image/jpeg", "image/urf", OCTET_STREAM);
        assertThat(Ipp.names(printer)).contains("urf-supported").doesNotContain("pwg-raster-document-type-supported");
        assertThat(printer.getValue(Types.pageRangesSupported)).isFalse();
    }

    @Test
    void validateJobRefusesARefusedFormatAsPrintJobDoesAndAcceptsAnAllowedOne() throws Exception {
        allow(DocumentFormat.PDF);

        IppPacket validated = calls.ipp(path, Ipp.request(Operation.validateJob)
                .putOperationAttributes(Types.documentFormat.of("image/jpeg")), auth);
        IppPacket printed = calls.ipp(path, Ipp.bytes(Ipp.printJob("image/jpeg").build(), Ipp.jpeg(true)), auth);

        assertThat(Ipp.status(validated)).isEqualTo(Status.clientErrorDocumentFormatNotSupported).isEqualTo(Ipp.status(printed));
        assertThat(validated.getString(Tag.operationAttributes, Types.statusMessage))
                .isEqualTo(printed.getString(Tag.operationAttributes, Types.statusMessage))
                .contains("does not accept image/jpeg");
        assertThat(validated.get(Tag.unsupportedAttributes).getStrings(Types.documentFormat)).containsExactly("image/jpeg");
        assertThat(printed.get(Tag.unsupportedAttributes).getStrings(Types.documentFormat)).containsExactly("image/jpeg");

        for (String accepted : new String[] {PDF, OCTET_STREAM}) {
            assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.validateJob)
                    .putOperationAttributes(Types.documentFormat.of(accepted)), auth))).as(accepted).isEqualTo(Status.successfulOk);
        }
        assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.validateJob), auth))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).isEmpty();
    }

    @Test
    void askingForTheAttributesOfARefusedFormatIsRefused() throws Exception {
        allow(DocumentFormat.PDF);

        var jpeg = calls.ipp(path, Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.documentFormat.of("image/jpeg")), null);
        var pdf = calls.ipp(path, Ipp.request(Operation.getPrinterAttributes)
                .putOperationAttributes(Types.documentFormat.of(PDF)), null);

        assertThat(Ipp.status(jpeg)).isEqualTo(Status.clientErrorDocumentFormatNotSupported);
        assertThat(Ipp.status(pdf)).isEqualTo(Status.successfulOk);
    }

    @Test
    void aPolicyChangeShowsAtOnceAndOnlyInItsOwnOrganization() throws Exception {
        var elsewhere = world.person(world.customer(world.root(), Ipp.unique("Other Co")), FixedRole.CUSTOMER_USER);
        String otherPath = "/ipp/print/" + queues.mine(elsewhere.actor()).id();

        allow(DocumentFormat.PDF);
        assertThat(printerAttributes(path).getStrings(Types.documentFormatSupported)).containsExactly(PDF, OCTET_STREAM);
        assertThat(printerAttributes(otherPath).getStrings(Types.documentFormatSupported)).hasSize(5);

        allow(DocumentFormat.values());
        assertThat(printerAttributes(path).getStrings(Types.documentFormatSupported)).hasSize(5);
        assertThat(Ipp.status(calls.ipp(path, Ipp.request(Operation.validateJob)
                .putOperationAttributes(Types.documentFormat.of("image/jpeg")), auth))).isEqualTo(Status.successfulOk);
    }

    @Test
    void theConfigChangeTimeMovesWhenThePolicyChangesAndOnlyThen() throws Exception {
        var elsewhere = world.person(world.customer(world.root(), Ipp.unique("Other Co")), FixedRole.CUSTOMER_USER);
        String otherPath = "/ipp/print/" + queues.mine(elsewhere.actor()).id();
        int before = configChangeTime(path);
        int otherBefore = configChangeTime(otherPath);
        if (clock.instant().getEpochSecond() <= before) {
            // another test set the shared clock back before this server started: a change must come after the start
            clock.set(Instant.ofEpochSecond(before));
        }

        clock.advance(Duration.ofMinutes(5));
        assertThat(configChangeTime(path)).as("time passing changes nothing").isEqualTo(before);

        allow(DocumentFormat.PDF);
        Instant changed = clock.instant();
        var printer = printerAttributes(path);
        assertThat(printer.getValue(Types.printerConfigChangeTime)).isEqualTo((int) changed.getEpochSecond()).isGreaterThan(before);
        assertThat(printer.getValue(Types.printerConfigChangeDateTime).toInstant()).isEqualTo(changed);
        assertThat(configChangeTime(otherPath)).as("another organization's queue").isEqualTo(otherBefore);

        clock.advance(Duration.ofMinutes(5));
        allow(DocumentFormat.PDF);
        assertThat(configChangeTime(path)).as("saving the same settings is no change").isEqualTo((int) changed.getEpochSecond());

        clock.advance(Duration.ofMinutes(5));
        allow(DocumentFormat.values());
        assertThat(configChangeTime(path)).isEqualTo((int) clock.instant().getEpochSecond());
    }

    private int configChangeTime(String queuePath) throws Exception {
        return printerAttributes(queuePath).getValue(Types.printerConfigChangeTime);
    }

    private void allow(DocumentFormat... formats) {
        printAdministration.updateSettings(admin, org, new PrintSettings(true, false, false, null, Set.of(formats)));
    }

    /** As a client adding the printer asks: without credentials. */
    private com.hp.jipp.encoding.AttributeGroup printerAttributes(String queuePath) throws Exception {
        IppPacket response = calls.ipp(queuePath, Ipp.request(Operation.getPrinterAttributes), null);
        assertThat(Ipp.status(response)).isEqualTo(Status.successfulOk);
        return Ipp.printer(response);
    }
}
