package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * E-mail deliveries through a real SMTP server (GreenMail on loopback): the scan attached up to the
 * organization's attachment limit, a link to My scans above it, address-book entries and typed
 * addresses where allowed; and the owner told by mail when a delivery fails for good.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class ScanMailTest {

    private static final SmtpServer SMTP = SmtpServer.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.configure(registry);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;

    @Test
    void aScanToMeArrivesAttached() throws Exception {
        var site = kit.site("Mail me co");
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(2);

        UUID scan = kit.accepted(scanner, "to=email", "application/pdf", pdf);

        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("DELIVERED"));
        MimeMessage mail = SMTP.messagesTo(scanner.person().email()).getFirst();
        assertThat(attachment(mail)).isEqualTo(pdf);
        eventually(() -> assertThat(kit.audited("SCAN_DELIVERED", site.org())).isEqualTo(1));
    }

    @Test
    void aScanAboveTheAttachmentLimitArrivesAsALinkToMyScans() throws Exception {
        var site = kit.site("Mail link co");
        settings(site, "[\"EMAIL_ME\",\"MY_SCANS\"]", false, 16);
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);

        UUID scan = kit.accepted(scanner, "to=email", "application/pdf", SampleDocuments.pdf(1));

        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("DELIVERED"));
        MimeMessage mail = SMTP.messagesTo(scanner.person().email()).getFirst();
        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat((String) mail.getContent()).contains("/scans/" + scan);
    }

    @Test
    void theAddressBookAndTypedAddressesWhereAllowed() throws Exception {
        var site = kit.site("Address co");
        Cookie admin = settings(site, "[\"ADDRESS_BOOK\"]", true, 1024 * 1024);
        assertThat(mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/scan-addresses").cookie(admin),
                "{\"name\":\"Accounting\",\"email\":\"accounting@example.com\"}")).andReturn().getResponse().getStatus()).isEqualTo(201);
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        byte[] jpeg = SampleDocuments.jpeg(20, 20);

        UUID toEntry = kit.accepted(scanner, "to=address&address=Accounting", "image/jpeg", jpeg);
        UUID typed = kit.accepted(scanner, "to=address&email=typed@example.org", "image/jpeg", jpeg);

        eventually(() -> assertThat(kit.polledState(scanner, toEntry)).isEqualTo("DELIVERED"));
        eventually(() -> assertThat(kit.polledState(scanner, typed)).isEqualTo("DELIVERED"));
        assertThat(attachment(SMTP.messagesTo("accounting@example.com").getFirst())).isEqualTo(jpeg);
        assertThat(attachment(SMTP.messagesTo("typed@example.org").getFirst())).isEqualTo(jpeg);
    }

    @Test
    void aDeliveryThatCannotSucceedFailsAndTheOwnerIsToldWithALink() throws Exception {
        var site = kit.site("Too big to mail co");
        Cookie admin = settings(site, "[\"ADDRESS_BOOK\"]", false, 16);
        mvc.perform(json(post("/api/v1/organizations/" + site.org() + "/scan-addresses").cookie(admin),
                "{\"name\":\"Archive\",\"email\":\"archive@example.com\"}"));
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);

        UUID scan = kit.accepted(scanner, "to=address&address=Archive", "application/pdf", SampleDocuments.pdf(1));

        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("FAILED"));
        assertThat(SMTP.messagesTo("archive@example.com")).isEmpty();
        eventually(() -> assertThat(SMTP.messagesTo(scanner.person().email())).hasSize(1));
        MimeMessage notice = SMTP.messagesTo(scanner.person().email()).getFirst();
        assertThat(notice.getSubject()).contains("could not be delivered");
        assertThat((String) notice.getContent()).contains("/scans/" + scan).contains("attachment limit");
        eventually(() -> assertThat(kit.audited("SCAN_DELIVERY_FAILED", site.org())).isEqualTo(1));
    }

    private Cookie settings(ScanKit.Site site, String kinds, boolean directEmail, long attachmentLimit) throws Exception {
        var admin = kit.portal(kit.scanner(site, FixedRole.CUSTOMER_ADMIN).person());
        var response = mvc.perform(json(put("/api/v1/organizations/" + site.org() + "/scan-settings").cookie(admin), """
                {"allowedDestinations":%s,"directEmailAllowed":%s,"retentionHours":24,
                 "maxScanBytes":1048576,"attachmentLimitBytes":%d,"boxDirect":false}""".formatted(kinds, directEmail, attachmentLimit)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return admin;
    }

    static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment");
    }
}
