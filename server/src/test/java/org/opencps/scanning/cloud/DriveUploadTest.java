package org.opencps.scanning.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.scanning.cloud.internal.oauth.AccessTokens;
import org.opencps.testing.World;

/**
 * Google Drive's resumable upload as Drive API v3 documents it: the session opened by a POST with
 * uploadType=resumable (its URI in Location), 256 KiB-multiple chunks answered 308 with a Range,
 * the status query {@code bytes *}{@code /size} after an interruption, and the token endpoint's
 * refresh and invalid_grant.
 */
class DriveUploadTest extends CloudTest {

    static final int CHUNK = 256 * 1024;
    static final String START = "/google/upload/drive/v3/files";
    static final String SESSION = "/google/upload/drive/v3/files";

    @Test
    void uploadsInChunksAndAnswersTheFileId() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-1", "drive-refresh-1", Duration.ofHours(1));
        byte[] bytes = document(2 * CHUNK + 1000);
        opensSession("drive-access-1");
        takes(bytes, 0, CHUNK, 308);
        takes(bytes, CHUNK, 2 * CHUNK, 308);
        takes(bytes, 2 * CHUNK, bytes.length, 200);

        var outcome = storage.upload(upload(person, CloudService.DRIVE, "drive-1", bytes));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Delivered("drive-file-1"));
        assertThat(received()).isEqualTo(bytes);
        LoggedRequest start = cloud.findAll(postRequestedFor(urlPathEqualTo(START))).getFirst();
        assertThat(start.getHeader("X-Upload-Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(start.getHeader("X-Upload-Content-Type")).isEqualTo("application/pdf");
        assertThat(start.getBodyAsString()).contains("\"name\":\"scan.pdf\"");
        assertThat(cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION))))
                .allSatisfy(put -> assertThat(put.getHeader("Authorization")).isEqualTo("Bearer drive-access-1"));
        assertThat(rowsOf("scanning_cloud_upload")).doesNotContain("drive-1|");
    }

    @Test
    void anInterruptedUploadResumesFromTheRangeGoogleConfirmsWithoutSendingItAgain() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-2", "drive-refresh-2", Duration.ofHours(1));
        byte[] bytes = document(3 * CHUNK);
        opensSession("drive-access-2");
        takes(bytes, 0, CHUNK, 308);
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(CHUNK, 2 * CHUNK, bytes.length)))
                .inScenario("cut").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cut once")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var first = storage.upload(upload(person, CloudService.DRIVE, "drive-2", bytes));

        assertThat(first).isInstanceOf(CloudUploadOutcome.RetryLater.class);
        assertThat(rowsOf("scanning_cloud_upload")).contains("drive-2|").doesNotContain("upload_id");
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo("bytes */" + bytes.length))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-" + (CHUNK - 1))));
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(CHUNK, 2 * CHUNK, bytes.length)))
                .inScenario("cut").whenScenarioStateIs("cut once")
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-" + (2 * CHUNK - 1))));
        takes(bytes, 2 * CHUNK, bytes.length, 201);

        var second = storage.upload(upload(person, CloudService.DRIVE, "drive-2", bytes));

        assertThat(second).isEqualTo(new CloudUploadOutcome.Delivered("drive-file-1"));
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo(START)))).hasSize(1);
        assertThat(cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(0, CHUNK, bytes.length)))))
                .as("the confirmed first chunk is not sent again").hasSize(1);
        assertThat(received()).isEqualTo(bytes);
    }

    @Test
    void aPieceGoogleKeptOnlyPartOfIsSentOnFromWhereGoogleStopped() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-9", "drive-refresh-9", Duration.ofHours(1));
        byte[] bytes = document(2 * CHUNK);
        int half = CHUNK / 2;
        opensSession("drive-access-9");
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(0, CHUNK, bytes.length)))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-" + (half - 1))));
        takes(bytes, half, half + CHUNK, 308);
        takes(bytes, half + CHUNK, bytes.length, 200);

        var outcome = storage.upload(upload(person, CloudService.DRIVE, "drive-9", bytes));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Delivered("drive-file-1"));
        LoggedRequest resent = cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION))
                .withHeader("Content-Range", equalTo(range(half, half + CHUNK, bytes.length)))).getFirst();
        assertThat(resent.getBody()).as("the piece starts where Google stopped").isEqualTo(Arrays.copyOfRange(bytes, half, half + CHUNK));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheUploadAndARefusedOneOnce() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-old", "drive-refresh-3", Duration.ofSeconds(30));
        refreshes("drive-refresh-3", "drive-new");
        byte[] bytes = document(1000);
        opensSession("drive-new");
        takes(bytes, 0, bytes.length, 200);

        assertThat(storage.upload(upload(person, CloudService.DRIVE, "drive-3", bytes))).isInstanceOf(CloudUploadOutcome.Delivered.class);
        LoggedRequest refresh = cloud.findAll(postRequestedFor(urlPathEqualTo("/google/token"))).getFirst();
        assertThat(refresh.getBodyAsString()).contains("grant_type=refresh_token", "refresh_token=drive-refresh-3",
                "client_id=google-client");
        assertThat(rowsOf("scanning_cloud_account")).doesNotContain("drive-new", "drive-refresh-3");

        // the provider refuses the still unexpired token (revoked at Google's end): refreshed once, then it works
        cloud.resetAll();
        cloud.stubFor(post(urlPathEqualTo(START)).withHeader("Authorization", equalTo("Bearer drive-new"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")));
        refreshes("drive-refresh-3", "drive-newer");
        opensSession("drive-newer");
        takes(bytes, 0, bytes.length, 200);

        assertThat(storage.upload(upload(person, CloudService.DRIVE, "drive-4", bytes))).isInstanceOf(CloudUploadOutcome.Delivered.class);
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitGoogleAsksFor() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-5", "drive-refresh-5", Duration.ofHours(1));
        cloud.stubFor(post(urlPathEqualTo(START)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Rate Limit Exceeded\"}}")));

        var outcome = storage.upload(upload(person, CloudService.DRIVE, "drive-5", document(1000)));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.RetryLater(Duration.ofSeconds(120),
                "Google Drive answered 429: Rate Limit Exceeded"));
    }

    @Test
    void anOutageIsRetriedWithALongerWaitEachTimeThenTheUploadSucceeds() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-6", "drive-refresh-6", Duration.ofHours(1));
        byte[] bytes = document(1000);
        cloud.stubFor(post(urlPathEqualTo(START)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("still down")
                .willReturn(aResponse().withStatus(503)));
        cloud.stubFor(post(urlPathEqualTo(START)).inScenario("outage").whenScenarioStateIs("still down").willSetStateTo("up")
                .willReturn(aResponse().withStatus(502)));
        cloud.stubFor(post(urlPathEqualTo(START)).inScenario("outage").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Location", base() + SESSION + "?uploadType=resumable&upload_id=u-6")));
        takes(bytes, 0, bytes.length, 200);

        var first = (CloudUploadOutcome.RetryLater) storage.upload(upload(person, CloudService.DRIVE, "drive-6", bytes));
        var second = (CloudUploadOutcome.RetryLater) storage.upload(upload(person, CloudService.DRIVE, "drive-6", bytes));
        var third = storage.upload(upload(person, CloudService.DRIVE, "drive-6", bytes));

        assertThat(first.after()).isEqualTo(Duration.ofSeconds(30));
        assertThat(second.after()).isEqualTo(Duration.ofSeconds(60));
        assertThat(third).isEqualTo(new CloudUploadOutcome.Delivered("drive-file-1"));
    }

    @Test
    void aRevokedRefreshTokenFailsTheDeliveryAndUnlinksTheAccount() {
        World.Person person = person();
        link(person, CloudService.DRIVE, "drive-access-7", "drive-refresh-7", Duration.ofSeconds(10));
        cloud.stubFor(post(urlPathEqualTo("/google/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        var outcome = storage.upload(upload(person, CloudService.DRIVE, "drive-7", document(1000)));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Failed(AccessTokens.RELINK));
        assertThat(storage.linked(person.orgId(), person.userId(), CloudService.DRIVE)).isFalse();
        eventually(() -> assertThat(audited("CLOUD_ACCOUNT_REVOKED", person)).singleElement().asString()
                .startsWith("none drive").contains("refused the refresh token"));
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo(START)))).isEmpty();
    }

    @Test
    void onePersonsTokensAreNeverUsedForAnother() {
        World.Person linked = person();
        World.Person colleague = world.person(linked.orgId());
        link(linked, CloudService.DRIVE, "drive-access-8", "drive-refresh-8", Duration.ofHours(1));
        byte[] bytes = document(1000);
        opensSession("drive-access-8");
        takes(bytes, 0, bytes.length, 200);

        var outcome = storage.upload(upload(colleague, CloudService.DRIVE, "drive-8", bytes));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Failed("no linked DRIVE account"));
        assertThat(cloud.getAllServeEvents()).isEmpty();
        // nor does the colleague's delivery key resume the session begun for the linked person
        storage.upload(upload(linked, CloudService.DRIVE, "drive-9", bytes));
        var copied = jdbc.sql("SELECT sealed_access_token FROM scanning_cloud_account WHERE user_id = ?")
                .param(linked.userId().value()).query(String.class).single();
        link(colleague, CloudService.DRIVE, "colleague-token", null, Duration.ofHours(1));
        jdbc.sql("UPDATE scanning_cloud_account SET sealed_access_token = ? WHERE user_id = ?")
                .params(copied, colleague.userId().value()).update();
        assertThat(storage.upload(upload(colleague, CloudService.DRIVE, "drive-10", bytes)))
                .as("a sealed token copied to another person's row does not open there")
                .isInstanceOf(CloudUploadOutcome.Failed.class);
    }

    private void opensSession(String accessToken) {
        cloud.stubFor(post(urlPathEqualTo(START)).withQueryParam("uploadType", equalTo("resumable"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Location", base() + SESSION + "?uploadType=resumable&upload_id=xa298sd_sdlkj2")));
    }

    private void refreshes(String refreshToken, String newAccessToken) {
        cloud.stubFor(post(urlPathEqualTo("/google/token")).withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "%s", "expires_in": 3599, "scope": "https://www.googleapis.com/auth/drive.file",
                         "token_type": "Bearer"}""".formatted(newAccessToken))));
    }

    /** Google takes the bytes [from, to): 308 with the Range it holds, or the file at the end. */
    private void takes(byte[] bytes, int from, int to, int status) {
        var response = status == 308 ? aResponse().withStatus(308).withHeader("Range", "bytes=0-" + (to - 1))
                : aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\": \"drive#file\", \"id\": \"drive-file-1\", \"name\": \"scan.pdf\", \"mimeType\": \"application/pdf\"}");
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withQueryParam("upload_id", equalTo("xa298sd_sdlkj2").or(equalTo("u-6")))
                .withHeader("Content-Range", equalTo(range(from, to, bytes.length))).willReturn(response));
    }

    private static String range(int from, int to, int total) {
        return "bytes " + from + "-" + (to - 1) + "/" + total;
    }

    /** The bytes of the chunks Google took, in order of their ranges. */
    private static byte[] received() {
        List<LoggedRequest> puts = cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION))).stream()
                .filter(put -> !put.getHeader("Content-Range").startsWith("bytes */") && put.getBody().length > 0)
                .filter(put -> cloud.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getId().equals(put.getId())
                        && e.getResponse().getStatus() > 0 && e.getResponse().getFault() == null))
                .sorted(java.util.Comparator.comparingLong(put -> Long.parseLong(put.getHeader("Content-Range").split("[ -]")[1])))
                .toList();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        puts.forEach(put -> all.writeBytes(put.getBody()));
        return all.toByteArray();
    }
}
