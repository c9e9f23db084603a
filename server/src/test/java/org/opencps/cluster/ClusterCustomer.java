package org.opencps.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opencps.testing.peers.Poll;

/**
 * A customer made through the proxy only, as its people would: the provider administrator creates
 * it and invites its administrator (the invitation mail is read from the outbox of whichever process
 * sent it), who signs in, and registers printers with activation codes.
 */
final class ClusterCustomer {

    private static final Pattern INVITATION = Pattern.compile("inv_[A-Za-z0-9_-]+");

    final String orgId;
    final String email;
    final String password;
    final String cookie;
    final String pin;

    private ClusterCustomer(String orgId, String email, String password, String cookie, String pin) {
        this.orgId = orgId;
        this.email = email;
        this.password = password;
        this.cookie = cookie;
        this.pin = pin;
    }

    /** A printer of the customer: its id and credential. */
    record Printer(String deviceId, String credential) {
    }

    static ClusterCustomer create(ClusterClient client, String providerCookie, String name, List<Path> outboxes) {
        String rootOrg = client.call("/api/v1/me").session(providerCookie).get().ok().json().path("organizationId").asString();
        String license = "{\"deviceLimit\":50,\"plan\":\"cluster\",\"termStart\":\"2020-01-01\",\"termEnd\":\"2099-12-31\"}";
        String org = client.call("/api/v1/organizations/" + rootOrg + "/children").session(providerCookie)
                .post("{\"kind\":\"CUSTOMER\",\"name\":\"" + name + "\",\"license\":" + license + "}").ok().json().path("id").asString();
        String email = "admin@" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example.org";
        String password = "Cluster-customer-pass-1";
        client.call("/api/v1/organizations/" + org + "/invitations").session(providerCookie)
                .post("{\"email\":\"" + email + "\",\"roles\":[\"CUSTOMER_ADMIN\"]}").ok();
        String token = Poll.until(Duration.ofSeconds(60), "the invitation mail to " + email, () -> invitation(outboxes, email),
                () -> "not in " + outboxes);
        client.call("/api/v1/invitations/" + token + "/accept").post("{\"displayName\":\"Cluster admin\",\"password\":\"" + password + "\"}")
                .ok();
        String cookie = client.login(email, password);
        client.call("/api/v1/auth/organization").session(cookie).post("{\"organizationId\":\"" + org + "\"}").ok();
        cookie = Optional.ofNullable(client.lastCookie()).orElse(cookie);
        String pin = client.call("/api/v1/me/pin").session(cookie).get().ok().json().path("pin").asString();
        return new ClusterCustomer(org, email, password, cookie, pin);
    }

    Printer registerPrinter(ClusterClient client, String name) {
        String code = client.call("/api/v1/organizations/" + orgId + "/devices/activation-codes").session(cookie).post("{}")
                .ok().json().path("code").asString();
        var registered = client.call("/api/device/v1/registrations").post("{\"activationCode\":\"" + code
                + "\",\"kind\":\"PRINTER\",\"name\":\"" + name + "\",\"model\":\"Cluster MFP\",\"serialNumber\":\"SN-" + name.hashCode()
                + "\",\"hostName\":\"mfp.example.org\",\"ipAddress\":\"127.0.0.1\"}").ok().json();
        return new Printer(registered.path("deviceId").asString(), registered.path("credential").asString());
    }

    /** Submits a one-page PDF through the API and returns the job's id. */
    String submit(ClusterClient client, String name, byte[] pdf) {
        return client.call("/api/v1/jobs?name=" + name).session(cookie).post("application/pdf", pdf).ok().json().path("id").asString();
    }

    private static Optional<String> invitation(List<Path> outboxes, String email) {
        for (Path outbox : outboxes) {
            if (!Files.isDirectory(outbox)) {
                continue;
            }
            try (Stream<Path> mails = Files.list(outbox)) {
                for (Path mail : mails.toList()) {
                    String text = Files.readString(mail, StandardCharsets.UTF_8);
                    Matcher token = INVITATION.matcher(text);
                    if (text.contains(email) && token.find()) {
                        return Optional.of(token.group());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }
}
