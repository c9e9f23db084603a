package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.printing.PrintJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.opencps.testing.World;

/**
 * The HTTP side as CUPS uses it: chunked POSTs with {@code Expect: 100-continue}, where a 401 for
 * wrong credentials must arrive before the document is sent, and a document beyond the size limit.
 */
@IppServerTest
class IppOverHttpTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;

    World.Person person;
    String path;

    @BeforeEach
    void queue() {
        person = world.person(world.customer(world.root(), Ipp.unique("Http Co")), FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
    }

    @Test
    void wrongCredentialsGet401BeforeTheBodyIsSent() throws Exception {
        try (var socket = connect()) {
            headers(socket.getOutputStream(), Ipp.basic(person.email(), "Wrong-pass-1"));
            var response = readHead(socket.getInputStream());

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers()).containsEntry("www-authenticate", "Basic realm=\"OpenCPS\", charset=\"UTF-8\"");
        }
        assertThat(printJobs.mine(person.actor())).isEmpty();
    }

    @Test
    void rightCredentialsGet100ContinueThenTheJob() throws Exception {
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            headers(out, Ipp.basic(person.email(), World.PASSWORD));
            assertThat(readHead(socket.getInputStream()).status()).isEqualTo(100);

            chunk(out, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1)));
            chunk(out, new byte[0]);
            var response = readHead(socket.getInputStream());
            assertThat(response.status()).isEqualTo(200);
            byte[] body = socket.getInputStream().readNBytes(Integer.parseInt(response.headers().get("content-length")));
            assertThat(Ipp.parse(body).getStatus()).isEqualTo(Status.successfulOk);
        }
        assertThat(printJobs.mine(person.actor())).hasSize(1);
    }

    /**
     * Reading the attributes sends the "100 Continue", so the client is already sending its
     * document: the 401 answers the whole request, never the middle of it (libcups, reading an
     * answer between its last writes, gave up with "Unable to finish request").
     */
    @Test
    void withoutCredentialsThe401AnswersTheWholeRequestAndKeepsTheConnection() throws Exception {
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            headers(out, null);
            assertThat(readHead(socket.getInputStream()).status()).isEqualTo(100);
            chunk(out, Ipp.bytes(Ipp.printJob("application/pdf").build(), new byte[] {'%', 'P', 'D', 'F'}));
            chunk(out, Ipp.pdf(1));
            assertThat(socket.getInputStream().available()).as("nothing answered before the request's end").isZero();
            chunk(out, new byte[0]);

            var response = readHead(socket.getInputStream());
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers()).containsKey("www-authenticate").doesNotContainEntry("connection", "close");
            socket.getInputStream().readNBytes(Integer.parseInt(response.headers().get("content-length")));

            headers(out, Ipp.basic(person.email(), World.PASSWORD));
            assertThat(readHead(socket.getInputStream()).status()).as("the same connection, signed in").isEqualTo(100);
        }
        assertThat(printJobs.mine(person.actor())).isEmpty();
    }

    @Test
    void aDocumentBeyondTheLimitIsTooLargeAndNotStored() throws Exception {
        var gzip = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzip)) {
            out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[5 * 1024 * 1024]);
        }
        var request = Ipp.printJob("application/pdf").putOperationAttributes(Types.compression.of("gzip")).build();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/ipp").header("Authorization", Ipp.basic(person.email(), World.PASSWORD))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Ipp.bytes(request, gzip.toByteArray()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Ipp.parse(response.body()).getStatus()).isEqualTo(Status.clientErrorRequestEntityTooLarge);
        assertThat(printJobs.mine(person.actor())).isEmpty();
    }

    private Socket connect() throws IOException {
        var socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private void headers(OutputStream out, String authorization) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/ipp\r\n"
                + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(statusLine.split(" ")[1]), headers);
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
