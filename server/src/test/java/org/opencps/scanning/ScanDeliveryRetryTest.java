package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.SampleDocuments;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudStorage;
import org.opencps.scanning.cloud.CloudUpload;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Delivery after the upload was acknowledged, against a scripted cloud storage (the real services
 * are the cloud deliveries' own tests): a destination that is down is tried again after the
 * backoff on the injected clock, with the same delivery key and the document readable from any
 * offset; a delivery that cannot succeed, or that runs out of attempts, FAILS, its owner is
 * mailed, and the owner can retry it.
 */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class, ScanDeliveryRetryTest.ScriptedCloud.class})
@TestPropertySource(properties = {"opencps.scanning.delivery-interval=200ms", "opencps.scanning.max-attempts=3",
        "opencps.scanning.retry-backoff=30s"})
class ScanDeliveryRetryTest {

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;
    @Autowired MutableClock clock;
    @Autowired Outbox outbox;
    @Autowired Script script;

    @BeforeEach
    void clear() {
        script.outcomes.clear();
        script.uploads.clear();
    }

    @Test
    void aDestinationThatIsDownIsTriedAgainAfterTheBackoff() throws Exception {
        var scanner = kit.scanner(kit.site("Retry co"), FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(2);
        script.outcomes.add(new CloudUploadOutcome.RetryLater(Duration.ofSeconds(1), "service unavailable"));
        script.outcomes.add(new CloudUploadOutcome.Delivered("remote-1"));

        UUID scan = kit.accepted(scanner, "to=drive", "application/pdf", pdf);

        eventually(() -> assertThat(script.uploads).hasSize(1));
        eventually(() -> assertThat(field(scanner, scan, "$.attempts")).isEqualTo(1));
        assertThat(kit.polledState(scanner, scan)).isEqualTo("PENDING");
        assertThat(field(scanner, scan, "$.lastError")).isEqualTo("service unavailable");
        clock.advance(Duration.ofSeconds(31));
        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("DELIVERED"));
        assertThat(script.uploads).hasSize(2);
        assertThat(script.uploads.get(0).deliveryKey()).isEqualTo(script.uploads.get(1).deliveryKey()).isEqualTo(scan.toString());
        assertThat(script.bodies.getLast()).isEqualTo(pdf);
        assertThat(script.tails.getLast()).isEqualTo(Arrays.copyOfRange(pdf, 100, pdf.length));
        assertThat(script.uploads.getLast().fileName()).endsWith(".pdf");
    }

    @Test
    void aDeliveryThatCannotSucceedFailsIsMailedAndCanBeRetried() throws Exception {
        var scanner = kit.scanner(kit.site("Fail co"), FixedRole.CUSTOMER_USER);
        script.outcomes.add(new CloudUploadOutcome.Failed("access revoked"));
        script.outcomes.add(new CloudUploadOutcome.Delivered("remote-2"));

        UUID scan = kit.accepted(scanner, "to=drive", "application/pdf", SampleDocuments.pdf(1));

        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("FAILED"));
        eventually(() -> assertThat(outbox.messagesTo(scanner.person().email())).hasSize(1));
        assertThat(outbox.messagesTo(scanner.person().email()).getFirst()).contains("access revoked").contains("/scans/" + scan);
        var cookie = kit.portal(scanner.person());
        var retried = mvc.perform(post("/api/v1/scans/" + scan + "/retry").cookie(cookie)).andReturn().getResponse();
        assertThat(retried.getStatus()).isEqualTo(200);
        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("DELIVERED"));
        assertThat(mvc.perform(post("/api/v1/scans/" + scan + "/retry").cookie(cookie)).andReturn().getResponse().getStatus())
                .as("a delivered scan is not retried").isEqualTo(409);
    }

    @Test
    void aDeliveryThatRunsOutOfAttemptsFails() throws Exception {
        var scanner = kit.scanner(kit.site("Give up co"), FixedRole.CUSTOMER_USER);
        for (int i = 0; i < 3; i++) {
            script.outcomes.add(new CloudUploadOutcome.RetryLater(Duration.ZERO, "rate limited"));
        }

        UUID scan = kit.accepted(scanner, "to=drive", "application/pdf", SampleDocuments.pdf(1));

        for (int attempt = 1; attempt < 3; attempt++) {
            int expected = attempt;
            eventually(() -> assertThat(field(scanner, scan, "$.attempts")).isEqualTo(expected));
            clock.advance(Duration.ofMinutes(5));
        }
        eventually(() -> assertThat(kit.polledState(scanner, scan)).isEqualTo("FAILED"));
        assertThat(script.uploads).hasSize(3);
        assertThat((String) field(scanner, scan, "$.lastError")).contains("gave up after 3 attempts");
    }

    private Object field(ScanKit.Scanner scanner, UUID scan, String path) throws Exception {
        var cookie = kit.portal(scanner.person());
        return JsonPath.read(mvc.perform(get("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getContentAsString(), path);
    }

    /** What the scripted cloud answers next, and what it was sent. */
    static final class Script {
        final ConcurrentLinkedQueue<CloudUploadOutcome> outcomes = new ConcurrentLinkedQueue<>();
        final List<CloudUpload> uploads = new CopyOnWriteArrayList<>();
        final List<byte[]> bodies = new CopyOnWriteArrayList<>();
        final List<byte[]> tails = new CopyOnWriteArrayList<>();
    }

    @TestConfiguration
    static class ScriptedCloud {

        @Bean
        Script script() {
            return new Script();
        }

        @Bean
        @Primary
        CloudStorage scriptedCloudStorage(Script script) {
            return new CloudStorage() {
                @Override
                public boolean linked(OrgId organization, UserId person, CloudService service) {
                    return true;
                }

                @Override
                public CloudUploadOutcome upload(CloudUpload upload) {
                    try (InputStream whole = upload.content().openFrom(0); InputStream tail = upload.content().openFrom(100)) {
                        script.bodies.add(whole.readAllBytes());
                        script.tails.add(tail.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    script.uploads.add(upload);
                    CloudUploadOutcome next = script.outcomes.poll();
                    return next != null ? next : new CloudUploadOutcome.Failed("no outcome scripted");
                }
            };
        }
    }
}
