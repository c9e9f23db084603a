package org.opencps.cluster;

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
import org.opencps.testing.EmbeddedPostgresServer;
import org.opencps.testing.peers.Poll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Server processes from the built jar on one embedded PostgreSQL and one s3proxy, behind a real
 * HAProxy on loopback. The first process creates the root provider and its administrator.
 */
final class Cluster implements AutoCloseable {

    static final String ACCESS = "cluster-access";
    static final String SECRET = "cluster-secret-key-of-the-test";
    static final String SCRAPE_TOKEN = "cluster-scrape-token-of-the-test";

    final Path work;
    final String database;
    final List<ServerProcess> servers = new ArrayList<>();
    final Haproxy haproxy;
    final ClusterClient client;
    private final S3Proxy s3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Cluster(Path work, String database, S3Proxy s3, Haproxy haproxy, List<ServerProcess> servers) {
        this.work = work;
        this.database = database;
        this.s3 = s3;
        this.haproxy = haproxy;
        this.servers.addAll(servers);
        this.client = new ClusterClient(haproxy.port);
    }

    static Cluster start(List<String> names, Map<String, String> settings, String adminEmail, String adminPassword) throws Exception {
        Path work = Files.createTempDirectory("opencps-cluster-");
        String database = EmbeddedPostgresServer.createDatabase("cluster_" + UUID.randomUUID().toString().replace("-", ""));
        URI s3Endpoint = URI.create("http://127.0.0.1:" + ServerProcess.freePort());
        S3Proxy s3 = startS3(s3Endpoint);
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.datasource.url", database);
        shared.put("spring.datasource.username", "postgres");
        shared.put("spring.datasource.password", "");
        shared.put("opencps.secrets.master-key-file", work.resolve("master-key.json").toString());
        shared.put("opencps.documents.store", "s3");
        shared.put("opencps.documents.s3.endpoint", s3Endpoint.toString());
        shared.put("opencps.documents.s3.bucket", "opencps");
        shared.put("opencps.documents.s3.access-key", ACCESS);
        shared.put("opencps.documents.s3.secret-key", SECRET);
        shared.put("opencps.documents.s3.path-style", "true");
        shared.put("opencps.metrics.scrape-token", SCRAPE_TOKEN);
        shared.put("server.forward-headers-strategy", "native");
        shared.putAll(settings);
        Map<String, String> first = new LinkedHashMap<>(shared);
        first.put("opencps.bootstrap.admin-email", adminEmail);
        first.put("opencps.bootstrap.admin-password", adminPassword);
        List<ServerProcess> servers = new ArrayList<>();
        Haproxy proxy = null;
        try {
            servers.add(ServerProcess.start(names.getFirst(), work, first));
            awaitHealthy(servers.getFirst());
            for (String name : names.subList(1, names.size())) {
                servers.add(ServerProcess.start(name, work, shared));
            }
            servers.forEach(Cluster::awaitHealthy);
            proxy = Haproxy.start(work, servers);
            Cluster cluster = new Cluster(work, database, s3, proxy, servers);
            cluster.awaitInRotation(Set.copyOf(names));
            return cluster;
        } catch (RuntimeException | java.io.IOException e) {
            // no process outlives a start that failed
            if (proxy != null) {
                proxy.stop();
            }
            for (ServerProcess server : servers) {
                server.stop();
            }
            s3.stop();
            throw e;
        }
    }

    /** Waits until consecutive requests through the proxy reach exactly these processes. */
    void awaitInRotation(Set<String> names) {
        Poll.until(Duration.ofMinutes(2), "HAProxy to send requests to " + names, () -> {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 2 * servers.size(); i++) {
                try {
                    seen.add(client.call("/actuator/health").get().servedBy());
                } catch (java.io.UncheckedIOException e) {
                    seen.add("?");
                }
            }
            return Optional.of(seen).filter(names::equals);
        }, () -> "not so yet; see " + work);
    }

    ServerProcess server(String name) {
        return servers.stream().filter(server -> server.name.equals(name)).findFirst().orElseThrow();
    }

    /** Starts a process that ended again, on its port, and waits until it answers. */
    void restart(String name) throws Exception {
        ServerProcess again = server(name).restart();
        servers.set(servers.indexOf(server(name)), again);
        awaitHealthy(again);
    }

    /** The mail outboxes of all processes (each process writes its mails to its own data folder). */
    List<Path> outboxes() {
        return servers.stream().map(server -> work.resolve(server.name).resolve("mail-outbox")).toList();
    }

    @Override
    public void close() throws Exception {
        haproxy.stop();
        for (ServerProcess server : servers) {
            server.stop();
        }
        s3.stop();
    }

    static void awaitHealthy(ServerProcess server) {
        // a start takes about 30 s on an idle 2-core machine, over 5 minutes when eight builds share it
        Poll.until(Duration.ofMinutes(10), "server process " + server.name + " to start", () -> {
            if (!server.alive()) {
                throw new IllegalStateException("server process " + server.name + " ended; see " + server.log);
            }
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/actuator/health")).GET().build();
                return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).filter(code -> code == 200);
            } catch (java.io.IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }, () -> "not answering yet; see " + server.log);
    }

    /** The Prometheus text of one process, read directly (not through the proxy). */
    String metricsOf(String name) {
        try {
            return scrape(name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String scrape(String name) throws java.io.IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server(name).port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static S3Proxy startS3(URI endpoint) throws Exception {
        S3Proxy s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        s3.start();
        Poll.until(Duration.ofSeconds(30), "s3proxy to start", () -> Optional.of(true).filter(started -> "STARTED".equals(s3.getState())),
                s3::getState);
        try (S3Client client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build()) {
            client.createBucket(b -> b.bucket("opencps"));
        }
        return s3;
    }
}
