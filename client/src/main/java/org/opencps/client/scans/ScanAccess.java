package org.opencps.client.scans;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.opencps.client.env.Environment;
import org.opencps.client.http.ApiClient;
import org.opencps.client.http.ServerOptions;
import org.opencps.client.print.TokenSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The server and the person's API token, for the commands that act on their own scans. */
public final class ScanAccess {

    @Mixin
    private ServerOptions serverOptions;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "your personal API token (ocps_...); prefer --token-file or $" + TokenSource.TOKEN_ENV)
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "read the API token from this file")
    private Path tokenFile;

    HttpClient httpClient() {
        return serverOptions.httpClient();
    }

    ApiClient api(HttpClient http, Environment environment) {
        String secret = TokenSource.resolve(token, tokenFile, environment);
        return new ApiClient(http, serverOptions.server(environment), Map.of("Authorization", "Bearer " + secret));
    }
}
