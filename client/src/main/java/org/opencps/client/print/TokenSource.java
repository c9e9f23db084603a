package org.opencps.client.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencps.client.CommandFailure;
import org.opencps.client.env.Environment;

/**
 * Finds the personal API token: {@code --token}, else {@code --token-file}, else $OPENCPS_TOKEN.
 * The token itself never goes into a message.
 */
public final class TokenSource {

    public static final String TOKEN_ENV = "OPENCPS_TOKEN";

    private TokenSource() {
    }

    public static String resolve(String token, Path tokenFile, Environment environment) {
        String found;
        String from;
        if (token != null) {
            found = token;
            from = "--token";
        } else if (tokenFile != null) {
            found = read(tokenFile);
            from = tokenFile.toString();
        } else {
            found = environment.get(TOKEN_ENV);
            from = "$" + TOKEN_ENV;
        }
        if (found == null || found.isBlank()) {
            throw CommandFailure.usage("no API token: give --token-file FILE or set " + TOKEN_ENV
                    + " (create a token in the portal, or with POST /api/v1/me/tokens)");
        }
        found = found.strip();
        if (!found.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw CommandFailure.usage("the API token from " + from + " holds characters no token has");
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read the token file " + file);
        }
    }
}
