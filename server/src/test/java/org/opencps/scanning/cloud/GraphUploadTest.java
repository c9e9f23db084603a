package org.opencps.scanning.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.opencps.testing.World;

/**
 * OneDrive and SharePoint through Microsoft Graph's driveItem createUploadSession: the uploadUrl
 * (sent no bearer token), 320 KiB-multiple ranges answered 202 with nextExpectedRanges, the GET on
 * the uploadUrl that tells an interrupted upload where to go on, and Microsoft's rotating refresh
 * tokens.
 */
class GraphUploadTest extends CloudTest {

    static final int FRAGMENT = 320 * 1024;
    static final String UPLOAD = "/graph/upload/session-1";

    @Test
    void uploadsToOneDriveInRangesAndAnswersTheItemId() {
        World.Person person = person();
        link(person, CloudService.ONEDRIVE, "ms-access-1", "ms-refresh-1", Duration.ofHours(1));
        byte[] bytes = document(2 * FRAGMENT + 77);
        opensSession("/graph/v1.0/me/drive/root:/scan.pdf:/createUploadSession", "ms-access-1");
        takes(bytes, 0, FRAGMENT);
        takes(bytes, FRAGMENT, 2 * FRAGMENT);
        takes(bytes, 2 * FRAGMENT, bytes.length);

        var outcome = storage.upload(upload(person, CloudService.ONEDRIVE, "graph-1", bytes));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Delivered("01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"));
        assertThat(received()).isEqualTo(bytes);
        assertThat(cloud.findAll(putRequestedFor(urlPathEqualTo(UPLOAD))))
                .allSatisfy(put -> assertThat(put.containsHeader("Authorization")).as("the uploadUrl carries its own authorization").isFalse());
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo("/graph/v1.0/me/drive/root:/scan.pdf:/createUploadSession")))
                .getFirst().getBodyAsString()).contains("\"@microsoft.graph.conflictBehavior\":\"rename\"");
    }

    @Test
    void anInterruptedUploadAsksTheSessionWhatItExpectsAndSendsOnlyThat() {
        World.Person person = person();
        link(person, CloudService.ONEDRIVE, "ms-access-2", "ms-refresh-2", Duration.ofHours(1));
        byte[] bytes = document(3 * FRAGMENT);
        opensSession("/graph/v1.0/me/drive/root:/scan.pdf:/createUploadSession", "ms-access-2");
        takes(bytes, 0, FRAGMENT);
        cloud.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(range(FRAGMENT, 2 * FRAGMENT, bytes.length)))
                .inScenario("cut").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cut once")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(storage.upload(upload(person, CloudService.ONEDRIVE, "graph-2", bytes))).isInstanceOf(CloudUploadOutcome.RetryLater.class);

        cloud.stubFor(get(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"expirationDateTime": "2030-01-29T09:21:55.523Z", "nextExpectedRanges": ["%d-"]}""".formatted(FRAGMENT))));
        cloud.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(range(FRAGMENT, 2 * FRAGMENT, bytes.length)))
                .inScenario("cut").whenScenarioStateIs("cut once").willReturn(accepted(2 * FRAGMENT)));
        takes(bytes, 2 * FRAGMENT, bytes.length);

        assertThat(storage.upload(upload(person, CloudService.ONEDRIVE, "graph-2", bytes))).isInstanceOf(CloudUploadOutcome.Delivered.class);
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo("/graph/v1.0/me/drive/root:/scan.pdf:/createUploadSession")))).hasSize(1);
        assertThat(cloud.findAll(putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(range(0, FRAGMENT, bytes.length)))))
                .as("the range Graph holds is not sent again").hasSize(1);
        assertThat(received()).isEqualTo(bytes);
    }

    @Test
    void sharePointUploadsToTheChosenSiteDriveAndRotatedRefreshTokensAreKept() {
        World.Person person = person();
        link(person, CloudService.SHAREPOINT, "sp-old", "sp-refresh-1", Duration.ofSeconds(5));
        assertThat(storage.upload(upload(person, CloudService.SHAREPOINT, "graph-3", document(10))))
                .isEqualTo(new CloudUploadOutcome.Failed("no SharePoint drive is chosen for the linked account"));
        jdbc.sql("UPDATE scanning_cloud_account SET drive_id = 'b!site-drive' WHERE user_id = ?").param(person.userId().value()).update();
        cloud.stubFor(post(urlPathEqualTo("/microsoft/token")).withRequestBody(containing("refresh_token=sp-refresh-1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"token_type": "Bearer", "scope": "Files.ReadWrite Sites.ReadWrite.All", "expires_in": 60,
                         "access_token": "sp-new", "refresh_token": "sp-refresh-2"}""")));
        byte[] bytes = document(1000);
        opensSession("/graph/v1.0/drives/b%21site-drive/root:/scan.pdf:/createUploadSession", "sp-new");
        takes(bytes, 0, bytes.length);

        assertThat(storage.upload(upload(person, CloudService.SHAREPOINT, "graph-4", bytes))).isInstanceOf(CloudUploadOutcome.Delivered.class);

        cloud.stubFor(post(urlPathEqualTo("/microsoft/token")).withRequestBody(containing("refresh_token=sp-refresh-2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"token_type": "Bearer", "expires_in": 3600, "access_token": "sp-newer", "refresh_token": "sp-refresh-3"}""")));
        opensSession("/graph/v1.0/drives/b%21site-drive/root:/scan.pdf:/createUploadSession", "sp-newer");
        assertThat(storage.upload(upload(person, CloudService.SHAREPOINT, "graph-5", bytes)))
                .as("the second refresh sends the refresh token the first one returned").isInstanceOf(CloudUploadOutcome.Delivered.class);
    }

    private void opensSession(String path, String accessToken) {
        cloud.stubFor(post(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"uploadUrl": "%s%s?tempauth=eyJ0eXAi", "expirationDateTime": "2030-01-29T09:21:55.523Z",
                         "nextExpectedRanges": ["0-"]}""".formatted(base(), UPLOAD))));
    }

    private void takes(byte[] bytes, int from, int to) {
        var response = to < bytes.length ? accepted(to) : aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K\", \"name\": \"scan.pdf\", \"size\": " + bytes.length + ", \"file\": {}}");
        cloud.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(range(from, to, bytes.length))).willReturn(response));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(int next) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"expirationDateTime\": \"2030-01-29T09:21:55.523Z\", \"nextExpectedRanges\": [\"" + next + "-\"]}");
    }

    private static String range(int from, int to, int total) {
        return "bytes " + from + "-" + (to - 1) + "/" + total;
    }

    private static byte[] received() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        cloud.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(UPLOAD) && e.getRequest().getMethod().getName().equals("PUT")
                        && e.getResponse().getFault() == null)
                .map(e -> (LoggedRequest) e.getRequest())
                .sorted(Comparator.comparingLong(put -> Long.parseLong(put.getHeader("Content-Range").split("[ -]")[1])))
                .forEach(put -> all.writeBytes(put.getBody()));
        return all.toByteArray();
    }
}
