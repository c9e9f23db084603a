package org.opencps.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencps.testing.EmbeddedPostgresServer;
import org.opencps.testing.peers.Poll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Three server processes from the built jar on one PostgreSQL and one S3 API (s3proxy), behind a
 * real HAProxy on loopback that spreads the requests round robin: what a client gets does not
 * depend on which process answers. Run by {@code ./mvnw -B -pl server verify -Pcluster}.
 *
 * <p>The checks run in order: the lockout locks the bootstrap administrator and the burst of
 * sign-ins uses up the address's sign-in budget, so they come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String ADMIN = "admin@cluster.example.org";
    static final String PASSWORD = "Cluster-admin-pass-1";
    static final int LOGINS_PER_MINUTE = 8;
    static final String ACCESS = "cluster-access";
    static final String SECRET = "cluster-secret-key-of-the-test";

    static Path work;
    static S3Proxy s3;
    static final List<ServerProcess> servers = new ArrayList<>();
    static Haproxy haproxy;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheCluster() throws Exception {
        work = Files.createTempDirectory("opencps-cluster-");
        String database = EmbeddedPostgresServer.createDatabase("cluster_" + UUID.randomUUID().toString().replace("-", ""));
        URI s3Endpoint = startS3();
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.datasource.url", database);
        shared.put("spring.datasource.username", "postgres");
        shared.put("spring.datasource.password", "");
        shared.put("opencps.secrets.master-key-file", work.resolve("master-key.json").toString());
        shared.put("opencps.captcha.hmac-key", "one-captcha-key-for-every-process-of-the-cluster");
        shared.put("opencps.documents.store", "s3");
        shared.put("opencps.documents.s3.endpoint", s3Endpoint.toString());
        shared.put("opencps.documents.s3.bucket", "opencps");
        shared.put("opencps.documents.s3.access-key", ACCESS);
        shared.put("opencps.documents.s3.secret-key", SECRET);
        shared.put("opencps.documents.s3.path-style", "true");
        shared.put("server.forward-headers-strategy", "native");
        shared.put("opencps.security.login-attempts-per-source-per-minute", String.valueOf(LOGINS_PER_MINUTE));
        // the first process creates the root provider and its administrator, then the others join
        Map<String, String> first = new LinkedHashMap<>(shared);
        first.put("opencps.bootstrap.admin-email", ADMIN);
        first.put("opencps.bootstrap.admin-password", PASSWORD);
        servers.add(ServerProcess.start("a", work, first));
        awaitHealthy(servers.get(0));
        servers.add(ServerProcess.start("b", work, shared));
        servers.add(ServerProcess.start("c", work, shared));
        awaitHealthy(servers.get(1));
        awaitHealthy(servers.get(2));
        haproxy = Haproxy.start(work, servers);
        // every process is in the proxy's rotation once three requests in a row reach three processes
        Poll.until(Duration.ofMinutes(2), "HAProxy to send requests to all three processes", () -> {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                seen.add(servedByOfHealth());
            }
            return Optional.of(seen).filter(names -> names.equals(Set.of("a", "b", "c")));
        }, () -> "not all processes answer yet; see " + work);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (haproxy != null) {
            haproxy.stop();
        }
        for (ServerProcess server : servers) {
            server.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
    }

    @Test
    @Order(1)
    void aSessionWorksOnEveryProcess() throws Exception {
        String cookie = login(ADMIN, PASSWORD);
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> me = get("/api/v1/me", cookie);
            assertThat(me.statusCode()).as("request %d, served by %s", i, servedBy(me)).isEqualTo(200);
            assertThat(me.body()).contains(ADMIN);
            servedBy.add(servedBy(me));
        }
        assertThat(servedBy).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    @Order(2)
    void threeFailuresOnThreeProcessesLockTheAccount() throws Exception {
        Set<String> servedBy = new HashSet<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> refused = postLogin(ADMIN, "Wrong-password-" + attempt);
            assertThat(refused.statusCode()).isEqualTo(401);
            servedBy.add(servedBy(refused));
        }
        assertThat(servedBy).as("each failure counted on another process").containsExactlyInAnyOrder("a", "b", "c");

        for (int i = 0; i < 3; i++) {
            assertThat(postLogin(ADMIN, PASSWORD).statusCode()).as("locked on every process").isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void oneSignInBudgetForTheAddressWhicheverProcessAnswers() throws Exception {
        // 8 a minute from one address: three processes with budgets of their own would allow 24
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 2 * LOGINS_PER_MINUTE && refusedAt < 0; attempt++) {
            if (postLogin("nobody-" + attempt + "@cluster.example.org", "Whatever-password-1").statusCode() == 429) {
                refusedAt = attempt;
            }
        }
        assertThat(refusedAt).as("a sign-in refused with 429 within the burst").isPositive().isLessThanOrEqualTo(LOGINS_PER_MINUTE + 1);
    }

    private static String login(String email, String password) throws Exception {
        HttpResponse<String> response = postLogin(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OPENCPS_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static HttpResponse<String> postLogin(String email, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + haproxy.port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + haproxy.port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String servedByOfHealth() {
        try {
            return servedBy(get("/actuator/health", null));
        } catch (java.io.IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue("X-Served-By").orElse("?");
    }

    private static void awaitHealthy(ServerProcess server) {
        Poll.until(Duration.ofMinutes(5), "server process " + server.name + " to start", () -> {
            if (!server.alive()) {
                throw new IllegalStateException("server process " + server.name + " ended; see " + server.log);
            }
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/actuator/health")).GET().build();
                return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).filter(code -> code == 200);
            } catch (java.io.IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }, () -> "not answering yet; see " + server.log);
    }

    private static URI startS3() throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + ServerProcess.freePort());
        s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        s3.start();
        Poll.until(Duration.ofSeconds(30), "s3proxy to start", () -> Optional.of(true).filter(started -> "STARTED".equals(s3.getState())),
                s3::getState);
        try (S3Client client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build()) {
            client.createBucket(b -> b.bucket("opencps"));
        }
        return endpoint;
    }
}
