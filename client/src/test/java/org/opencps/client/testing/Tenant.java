package org.opencps.client.testing;

import java.io.IOException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A customer organization made through the REST API for one test class: its administrator, and a
 * person who prints, with an API token and a PIN.
 */
public record Tenant(ServerUnderTest server, String org, Rest admin, Rest user, String userEmail, String userPassword,
                     String token, String pin) {

    public static Tenant create(ServerUnderTest server, String label) throws IOException, InterruptedException {
        Rest root = server.admin();
        String org = root.customer(label + " " + UUID.randomUUID());
        Rest admin = root.invite(server, org, "admin-" + UUID.randomUUID() + "@example.org", "CUSTOMER_ADMIN",
                "Admin-pass-" + UUID.randomUUID());
        String email = "user-" + UUID.randomUUID() + "@example.org";
        String password = "User-pass-" + UUID.randomUUID();
        Rest user = admin.invite(server, org, email, "CUSTOMER_USER", password);
        return new Tenant(server, org, admin, user, email, password, user.apiToken(), user.pin());
    }

    /** A one-time activation code made by the organization's administrator. */
    public String activationCode() throws IOException, InterruptedException {
        return admin.post("/api/v1/organizations/" + org + "/devices/activation-codes", "{}").path("code").asString();
    }

    /** The person's job, as they see it. */
    public JsonNode job(String id) throws IOException, InterruptedException {
        return user.get("/api/v1/jobs/" + id);
    }

    /** A device of the organization, as its administrator sees it. */
    public JsonNode device(String id) throws IOException, InterruptedException {
        return admin.get("/api/v1/organizations/" + org + "/devices/" + id);
    }
}
