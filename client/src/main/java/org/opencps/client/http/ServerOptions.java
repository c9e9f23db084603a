package org.opencps.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Locale;
import org.opencps.client.CommandFailure;
import org.opencps.client.env.Environment;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --ca-cert}, shared by every command that talks to OpenCPS. */
public final class ServerOptions {

    public static final String SERVER_ENV = "OPENCPS_SERVER";

    @Option(names = "--server", paramLabel = "URL",
            description = "the OpenCPS server, such as https://print.example.com (default: $" + SERVER_ENV + ")")
    private String server;

    @Option(names = "--ca-cert", paramLabel = "FILE.pem",
            description = "trust only the certificates in this PEM file (a private CA, or the server's self-signed"
                    + " certificate) instead of the system's CAs")
    private Path caCert;

    /** The server named by {@code --server} or the environment, or {@code null} when neither names one. */
    public URI serverOrNull(Environment environment) {
        String text = server != null ? server : environment.get(SERVER_ENV);
        return text == null ? null : parse(text);
    }

    public URI server(Environment environment) {
        URI uri = serverOrNull(environment);
        if (uri == null) {
            throw CommandFailure.usage("which server? give --server URL or set " + SERVER_ENV);
        }
        return uri;
    }

    public HttpClient httpClient() {
        return HttpClients.create(caCert);
    }

    /** An http(s) address with a host, without user name, query or fragment. */
    public static URI parse(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw CommandFailure.usage("the server address must start with https:// (or http://): " + text);
            }
            if (uri.getRawUserInfo() != null) {
                throw CommandFailure.usage("the server address must not hold a user name or password");
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw CommandFailure.usage("the server address must be like https://print.example.com[:port][/path]: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CommandFailure.usage("not a valid server address: " + text);
        }
    }
}
