package org.opencps.identity.google;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * Google's OAuth token endpoint and Admin SDK Directory API replayed by WireMock on loopback, in the shapes Google
 * documents: users.list ({@code admin#directory#users}), groups.list ({@code admin#directory#groups}) and members.list
 * ({@code admin#directory#members}), each paged by {@code pageToken} / {@code nextPageToken}.
 */
final class GoogleDirectoryStub {

    static final String ACCESS_TOKEN = "ya29.directory-access";
    static final WireMockServer google = start();

    private GoogleDirectoryStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static String base() {
        return "http://127.0.0.1:" + google.port();
    }

    /** The code exchange and, for the refresh token it grants, every later access token. */
    static void grants(String code, String refreshToken) {
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code)).willReturn(json("""
                        {"access_token": "ya29.first", "expires_in": 3599, "refresh_token": "%s", "token_type": "Bearer",
                         "scope": "https://www.googleapis.com/auth/admin.directory.user.readonly https://www.googleapis.com/auth/admin.directory.group.readonly"}"""
                        .formatted(refreshToken))));
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken.replace("/", "%2F"))).willReturn(json("""
                        {"access_token": "%s", "expires_in": 3599, "scope": "https://www.googleapis.com/auth/admin.directory.user.readonly", "token_type": "Bearer"}"""
                        .formatted(ACCESS_TOKEN))));
    }

    /** One page of users.list; {@code next} null on the last. */
    static void usersPage(String pageToken, String next, String... users) {
        google.stubFor(page(get(urlPathEqualTo("/admin/directory/v1/users")).withQueryParam("customer", equalTo("my_customer")), pageToken)
                .willReturn(json("{\"kind\": \"admin#directory#users\", \"etag\": \"\\\"e1\\\"\", \"users\": [" + String.join(",", users) + "]"
                        + (next == null ? "" : ", \"nextPageToken\": \"" + next + "\"") + "}")));
    }

    static void groupsPage(String pageToken, String next, String... groups) {
        google.stubFor(page(get(urlPathEqualTo("/admin/directory/v1/groups")).withQueryParam("customer", equalTo("my_customer")), pageToken)
                .willReturn(json("{\"kind\": \"admin#directory#groups\", \"etag\": \"\\\"e2\\\"\", \"groups\": [" + String.join(",", groups) + "]"
                        + (next == null ? "" : ", \"nextPageToken\": \"" + next + "\"") + "}")));
    }

    static void membersPage(String groupKey, String pageToken, String next, String... members) {
        google.stubFor(page(get(urlPathEqualTo("/admin/directory/v1/groups/" + groupKey + "/members"))
                .withQueryParam("includeDerivedMembership", equalTo("true")), pageToken)
                .willReturn(json("{\"kind\": \"admin#directory#members\", \"etag\": \"\\\"e3\\\"\", \"members\": [" + String.join(",", members) + "]"
                        + (next == null ? "" : ", \"nextPageToken\": \"" + next + "\"") + "}")));
    }

    static String user(String id, String email, String givenName, String familyName, boolean suspended) {
        return """
                {"kind": "admin#directory#user", "id": "%s", "etag": "\\"u\\"", "primaryEmail": "%s",
                 "name": {"givenName": "%s", "familyName": "%s", "fullName": "%s %s"}, "isAdmin": false,
                 "isDelegatedAdmin": false, "creationTime": "2024-03-01T09:00:00.000Z", "agreedToTerms": true,
                 "suspended": %s, "archived": false, "changePasswordAtNextLogin": false, "ipWhitelisted": false,
                 "emails": [{"address": "%s", "primary": true}], "customerId": "C01abcdef", "orgUnitPath": "/",
                 "isMailboxSetup": true, "includeInGlobalAddressList": true}"""
                .formatted(id, email, givenName, familyName, givenName, familyName, suspended, email);
    }

    static String group(String id, String email, String name, int directMembers) {
        return """
                {"kind": "admin#directory#group", "id": "%s", "etag": "\\"g\\"", "email": "%s", "name": "%s",
                 "directMembersCount": "%d", "description": "", "adminCreated": true}""".formatted(id, email, name, directMembers);
    }

    static String member(String id, String email, String type) {
        return """
                {"kind": "admin#directory#member", "etag": "\\"m\\"", "id": "%s", "email": "%s", "role": "MEMBER", "type": "%s",
                 "status": "ACTIVE"}""".formatted(id, email, type);
    }

    private static MappingBuilder page(MappingBuilder request, String pageToken) {
        return request.withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withQueryParam("pageToken", pageToken == null ? absent() : equalTo(pageToken));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
