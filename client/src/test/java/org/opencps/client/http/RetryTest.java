package org.opencps.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencps.client.testing.Tools;

/**
 * Retrying through a flaky network: a loopback HTTP endpoint that fails a few times (503, dropped
 * connections) and then answers. It stands in for the network between the agent and the server;
 * what the answers mean is tested against the real server elsewhere.
 */
class RetryTest {

    private HttpServer network;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final HttpClient http = HttpClients.create(null);

    @AfterEach
    void stop() {
        if (network != null) {
            network.stop(0);
        }
        http.close();
    }

    record Answer(String value) {
    }

    @Test
    void failuresThatMayPassAreRetriedWithACappedBackoffUntilTheAnswerComes() throws Exception {
        URI base = serve(exchange -> {
            if (calls.incrementAndGet() <= 5) {
                reply(exchange, 503, "application/problem+json", "{\"detail\":\"restarting\"}");
            } else {
                reply(exchange, 200, "application/json", "{\"value\":\"ok\"}");
            }
        });
        var api = new ApiClient(http, base, Map.of());

        Answer answer = retry(base, 0).call("asking", () -> api.get("/thing", Answer.class));

        assertThat(answer.value()).isEqualTo("ok");
        assertThat(calls).hasValue(6);
        assertThat(waits).hasSize(5);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(40)));
        assertThat(waits.getLast()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(log.getFirst()).contains("asking: the server answered 503: restarting; trying again in");
    }

    @Test
    void droppedConnectionsAreRetried() throws Exception {
        URI base = serve(exchange -> {
            if (calls.incrementAndGet() <= 2) {
                exchange.close();
            } else {
                reply(exchange, 200, "application/json", "{\"value\":\"back\"}");
            }
        });
        var api = new ApiClient(http, base, Map.of());

        assertThat(retry(base, 0).call("asking", () -> api.get("/thing", Answer.class)).value()).isEqualTo("back");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aServerNotListeningIsRetriedUntilTheAttemptsRunOutAndThenSaidSo() {
        URI nowhere = URI.create("http://127.0.0.1:" + Tools.freePort());
        var api = new ApiClient(http, nowhere, Map.of());

        assertThatThrownBy(() -> retry(nowhere, 3).call("asking", () -> api.get("/thing", Answer.class)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + nowhere.getPort());
        assertThat(waits).hasSize(2);
    }

    @Test
    void aRefusalIsNotRetriedAndItsDetailAndFieldAreKept() throws Exception {
        URI base = serve(exchange -> {
            calls.incrementAndGet();
            reply(exchange, 422, "application/problem+json", "{\"title\":\"Unprocessable\",\"detail\":\"code expired\",\"field\":\"activationCode\"}");
        });
        var api = new ApiClient(http, base, Map.of());

        assertThatThrownBy(() -> retry(base, 0).call("asking", () -> api.get("/thing", Answer.class)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.detail()).isEqualTo("code expired");
                    assertThat(e.field()).isEqualTo("activationCode");
                });
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToItsCapAndStartsOverAfterASuccess() {
        var backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        List<Duration> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Duration step = backoff.currentStep();
            steps.add(step);
            assertThat(backoff.failed()).isBetween(step.dividedBy(2), step);
        }
        assertThat(steps).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        backoff.succeeded();
        assertThat(backoff.currentStep()).isEqualTo(Duration.ofMillis(100));
    }

    private Retry retry(URI server, int attempts) {
        return new Retry(server, Duration.ofMillis(5), Duration.ofMillis(40), attempts, waits::add, log::add);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private URI serve(Handler handler) throws IOException {
        network = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        network.createContext("/", handler::handle);
        network.start();
        return URI.create("http://127.0.0.1:" + network.getAddress().getPort());
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
