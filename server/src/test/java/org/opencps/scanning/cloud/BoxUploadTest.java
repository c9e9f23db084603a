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

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.opencps.testing.World;

/**
 * Box's uploads as its API documents them: the simple multipart upload below the chunked threshold
 * (600 KB here), chunked upload sessions above it (part_size from the session, parts PUT with
 * {@code Digest: sha=} and Content-Range, the commit listing the parts with the whole file's SHA-1),
 * an interrupted session resumed from the parts Box lists, and Box direct streaming a device's body.
 */
class BoxUploadTest extends CloudTest {

    static final int PART = 256 * 1024;
    static final String SESSION = "/box-upload/api/2.0/files/upload_sessions/F971964745A5CD0C001BBE4E58196BFD";

    @Autowired BoxDirect direct;

    @Test
    void aSmallScanGoesInOneMultipartUpload() {
        World.Person person = person();
        link(person, CloudService.BOX, "box-access-1", "box-refresh-1", Duration.ofHours(1));
        byte[] bytes = document(5000);
        cloud.stubFor(post(urlPathEqualTo("/box-upload/api/2.0/files/content")).withHeader("Authorization", equalTo("Bearer box-access-1"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"total_count\": 1, \"entries\": [{\"id\": \"12345\", \"type\": \"file\", \"name\": \"scan.pdf\"}]}")));

        assertThat(storage.upload(upload(person, CloudService.BOX, "box-1", bytes))).isEqualTo(new CloudUploadOutcome.Delivered("12345"));
        byte[] sent = cloud.findAll(postRequestedFor(urlPathEqualTo("/box-upload/api/2.0/files/content"))).getFirst().getBody();
        String text = new String(sent, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("name=\"attributes\"", "\"parent\":{\"id\":\"0\"}", "name=\"file\"; filename=\"scan.pdf\"");
        assertThat(indexOf(sent, bytes)).as("the document is a part of the multipart body").isPositive();
    }

    @Test
    void aLargeScanGoesInPartsAndAnInterruptedSessionResumesAfterThePartsBoxHolds() throws Exception {
        World.Person person = person();
        link(person, CloudService.BOX, "box-access-2", "box-refresh-2", Duration.ofHours(1));
        byte[] bytes = document(3 * PART + 100);
        opensSession(bytes.length);
        takesPart(bytes, 0, PART, "P0");
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(PART, 2 * PART, bytes.length)))
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")
                .willReturn(aResponse().withStatus(503)));

        assertThat(storage.upload(upload(person, CloudService.BOX, "box-2", bytes))).isInstanceOf(CloudUploadOutcome.RetryLater.class);

        cloud.stubFor(get(urlPathEqualTo(SESSION)).willReturn(json("""
                {"id": "F971964745A5CD0C001BBE4E58196BFD", "type": "upload_session", "part_size": %d, "total_parts": 4,
                 "num_parts_processed": 1}""".formatted(PART))));
        cloud.stubFor(get(urlPathEqualTo(SESSION + "/parts")).willReturn(json("""
                {"entries": [%s], "limit": 1000, "offset": 0, "total_count": 1}""".formatted(part(bytes, 0, PART, "P0")))));
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(PART, 2 * PART, bytes.length)))
                .inScenario("outage").whenScenarioStateIs("back").willReturn(json("{\"part\": " + part(bytes, PART, 2 * PART, "P1") + "}")));
        takesPart(bytes, 2 * PART, 3 * PART, "P2");
        takesPart(bytes, 3 * PART, bytes.length, "P3");
        commits();

        assertThat(storage.upload(upload(person, CloudService.BOX, "box-2", bytes))).isEqualTo(new CloudUploadOutcome.Delivered("12345"));
        assertThat(cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(0, PART, bytes.length)))))
                .as("the part Box holds is not sent again").hasSize(1);
        assertThat(cloud.findAll(postRequestedFor(urlPathEqualTo("/box-upload/api/2.0/files/upload_sessions")))).hasSize(1);
        var commit = cloud.findAll(postRequestedFor(urlPathEqualTo(SESSION + "/commit"))).getFirst();
        assertThat(commit.getHeader("Digest")).isEqualTo("sha=" + Base64.getEncoder().encodeToString(sha1(bytes, 0, bytes.length)));
        assertThat(commit.getBodyAsString()).contains("\"part_id\":\"P0\"", "\"part_id\":\"P1\"", "\"part_id\":\"P2\"", "\"part_id\":\"P3\"");
    }

    @Test
    void boxDirectStreamsTheDevicesBodyIntoPartsAndKeepsNothing() throws Exception {
        World.Person person = person();
        link(person, CloudService.BOX, "box-access-3", "box-refresh-3", Duration.ofHours(1));
        byte[] bytes = document(3 * PART);
        opensSession(bytes.length);
        takesPart(bytes, 0, PART, "P0");
        takesPart(bytes, PART, 2 * PART, "P1");
        takesPart(bytes, 2 * PART, 3 * PART, "P2");
        commits();
        long uploadRows = jdbc.sql("SELECT COUNT(*) FROM scanning_cloud_upload").query(Long.class).single();

        var outcome = direct.upload(person.orgId(), person.userId(), "scan.pdf", "application/pdf", bytes.length,
                new ByteArrayInputStream(bytes));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Delivered("12345"));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        cloud.findAll(putRequestedFor(urlPathEqualTo(SESSION))).stream()
                .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getHeader("Content-Range").split("[ -]")[1])))
                .forEach(p -> received.writeBytes(p.getBody()));
        assertThat(received.toByteArray()).isEqualTo(bytes);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scanning_cloud_upload").query(Long.class).single()).isEqualTo(uploadRows);
    }

    @Test
    void boxDirectForAPersonWithoutALinkedAccountIsRefusedAtOnce() throws Exception {
        World.Person person = person();

        var outcome = direct.upload(person.orgId(), person.userId(), "scan.pdf", "application/pdf", 10, new ByteArrayInputStream(new byte[10]));

        assertThat(outcome).isEqualTo(new CloudUploadOutcome.Failed("no linked BOX account"));
        assertThat(cloud.getAllServeEvents()).isEmpty();
    }

    private void opensSession(int size) {
        cloud.stubFor(post(urlPathEqualTo("/box-upload/api/2.0/files/upload_sessions"))
                .withRequestBody(containing("\"file_size\":" + size))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "F971964745A5CD0C001BBE4E58196BFD", "type": "upload_session", "num_parts_processed": 0,
                         "part_size": %d, "total_parts": 4, "session_expires_at": "2030-01-01T00:00:00Z",
                         "session_endpoints": {"upload_part": "%s%s", "commit": "%s%s/commit", "list_parts": "%s%s/parts",
                           "status": "%s%s", "abort": "%s%s"}}""".formatted(PART, base(), SESSION, base(), SESSION, base(), SESSION,
                        base(), SESSION, base(), SESSION))));
    }

    private void takesPart(byte[] bytes, int from, int to, String id) throws Exception {
        cloud.stubFor(put(urlPathEqualTo(SESSION)).withHeader("Content-Range", equalTo(range(from, to, bytes.length)))
                .withHeader("Digest", equalTo("sha=" + Base64.getEncoder().encodeToString(sha1(bytes, from, to))))
                .willReturn(json("{\"part\": " + part(bytes, from, to, id) + "}")));
    }

    private void commits() {
        cloud.stubFor(post(urlPathEqualTo(SESSION + "/commit")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total_count\": 1, \"entries\": [{\"id\": \"12345\", \"type\": \"file\", \"name\": \"scan.pdf\"}]}")));
    }

    private static String part(byte[] bytes, int from, int to, String id) {
        return "{\"part_id\": \"%s\", \"offset\": %d, \"size\": %d, \"sha1\": \"%s\"}"
                .formatted(id, from, to - from, HexFormat.of().formatHex(sha1(bytes, from, to)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static byte[] sha1(byte[] bytes, int from, int to) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(Arrays.copyOfRange(bytes, from, to));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String range(int from, int to, int total) {
        return "bytes " + from + "-" + (to - 1) + "/" + total;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
