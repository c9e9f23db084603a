package org.opencps.scanning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.SampleDocuments;
import org.opencps.scanning.cloud.CloudTest;
import org.opencps.testing.peers.SmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Scanning from end to end, through the real routes only: an admin makes a workflow in the portal
 * that protects the PDF and puts it in Google Drive; a person links Drive in the portal (OAuth flow
 * against the faked Google), logs in at a printer with their PIN, asks what they may scan to,
 * scans a 3-page PDF to the workflow and another to their e-mail; the first arrives in "Drive"
 * under the workflow's file name and protected, the second in their mailbox (GreenMail), both are
 * delivered in My scans, and the person downloads them there.
 */
@Import({DeviceKit.class, ScanKit.class})
class ScanEndToEndTest extends CloudTest {

    private static final SmtpServer SMTP = SmtpServer.start();
    private static final String DRIVE_FILES = "/google/upload/drive/v3/files";

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
    void aScanToAnEncryptingDriveWorkflowAndOneToEmailArriveAndAreInMyScans() throws Exception {
        var site = kit.site("End to end scans co");
        Actor admin = world.person(site.org(), FixedRole.CUSTOMER_ADMIN).actor();
        var created = mvc.perform(as(admin, post("/orgs/" + site.org() + "/scan-workflows").with(csrf())
                .contentType("application/x-www-form-urlencoded")
                .content("name=Contracts&kind=DRIVE&formats=PDF&color=COLOR&resolution=300&fileNamePattern=contract-{counter}"
                        + "&encryptPdf=true&password=Contract-Pass-9&everyone=true"))).andReturn();
        assertThat(created.getFlashMap().get("error")).isNull();

        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        Actor person = scanner.person().actor();
        linkDrive(person);

        String choices = mvc.perform(DeviceKit.as(site.printer().credential(),
                get(DeviceKit.API + "/devices/" + site.printer().id() + "/sessions/current/scan-destinations")
                        .header("X-OpenCPS-Session", scanner.session()))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(choices, "$.workflows[*].name")).containsExactly("Contracts");
        assertThat(JsonPath.<List<String>>read(choices, "$.destinations[*].kind")).contains("DRIVE", "EMAIL_ME", "MY_SCANS");

        cloud.stubFor(WireMock.post(urlPathEqualTo(DRIVE_FILES)).withQueryParam("uploadType", equalTo("resumable"))
                .withHeader("Authorization", equalTo("Bearer e2e-access"))
                .willReturn(aResponse().withStatus(200).withHeader("Location", base() + DRIVE_FILES + "?upload_id=e2e-session")));
        cloud.stubFor(WireMock.put(urlPathEqualTo(DRIVE_FILES)).withQueryParam("upload_id", equalTo("e2e-session"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\": \"drive#file\", \"id\": \"e2e-file\", \"name\": \"contract-1.pdf\"}")));

        byte[] contract = SampleDocuments.pdf(3);
        UUID toDrive = kit.accepted(scanner, "to=workflow&workflow=Contracts", "application/pdf", contract);
        byte[] memo = SampleDocuments.pdf(3);
        UUID toMail = kit.accepted(scanner, "to=email", "application/pdf", memo);

        eventually(() -> assertThat(kit.polledState(scanner, toDrive)).isEqualTo("DELIVERED"));
        eventually(() -> assertThat(kit.polledState(scanner, toMail)).isEqualTo("DELIVERED"));

        var start = cloud.findAll(postRequestedFor(urlPathEqualTo(DRIVE_FILES))).getFirst();
        assertThat(start.getBodyAsString()).contains("\"name\":\"contract-1.pdf\"");
        byte[] inDrive = cloud.findAll(putRequestedFor(urlPathEqualTo(DRIVE_FILES))).getFirst().getBody();
        assertThatThrownBy(() -> Loader.loadPDF(inDrive).close()).isInstanceOf(InvalidPasswordException.class);
        try (var pdf = Loader.loadPDF(inDrive, "Contract-Pass-9")) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
        }
        MimeMessage mail = SMTP.messagesTo(scanner.person().email()).getFirst();
        assertThat(ScanMailTest.attachment(mail)).isEqualTo(memo);

        String myScans = mvc.perform(as(person, get("/scans"))).andReturn().getResponse().getContentAsString();
        assertThat(myScans).contains("contract-1.pdf").contains(toDrive.toString()).contains(toMail.toString())
                .contains("(workflow Contracts)");
        assertThat(myScans.split("Delivered</span>", -1)).hasSize(3);
        byte[] downloaded = mvc.perform(as(person, get("/scans/" + toDrive + "/document"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(inDrive);
        assertThat(mvc.perform(as(person, get("/scans/" + toMail + "/document"))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(memo);
        assertThat(mvc.perform(as(admin, get("/scans/" + toDrive + "/document"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    /**
     * The person links Google Drive in the portal: off to the (faked) provider and back to the callback. The form is
     * answered with a page that sends the browser on (a redirect to another site would break the form-action policy).
     */
    private void linkDrive(Actor person) throws Exception {
        var onward = mvc.perform(as(person, post("/cloud-accounts/drive/link").with(csrf()))).andReturn().getResponse();
        assertThat(onward.getStatus()).isEqualTo(200);
        assertThat(onward.getRedirectedUrl()).isNull();
        Matcher refresh = REFRESH.matcher(onward.getContentAsString(StandardCharsets.UTF_8));
        assertThat(refresh.find()).as("a refresh to the provider").isTrue();
        String authorize = HtmlUtils.htmlUnescape(refresh.group(1));
        assertThat(authorize).startsWith(base() + "/google/authorize?");
        Map<String, String> query = Arrays.stream(URI.create(authorize).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        cloud.stubFor(WireMock.post(urlPathEqualTo("/google/token")).withRequestBody(containing("code=e2e-code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "e2e-access", "expires_in": 3599, "refresh_token": "e2e-refresh", "token_type": "Bearer"}""")));
        var back = mvc.perform(as(person, get("/cloud-accounts/callback").param("state", query.get("state")).param("code", "e2e-code")))
                .andReturn();
        assertThat(back.getFlashMap().get("notice")).isEqualTo("cloud.linked");
    }

    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\"");

    private static MockHttpServletRequestBuilder as(Actor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new ActorAuthentication(actor)));
    }
}
