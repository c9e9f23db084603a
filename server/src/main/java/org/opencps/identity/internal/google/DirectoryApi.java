package org.opencps.identity.internal.google;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Admin SDK Directory API calls the import makes, each followed through every page ({@code pageToken} /
 * {@code nextPageToken}): users.list and groups.list of the customer ({@code my_customer}), members.list of a group
 * with indirect members.
 */
@Component
public class DirectoryApi {

    private static final int MAX_PAGES = 10_000;

    private final GoogleEndpoints endpoints;
    private final GoogleApi api;

    DirectoryApi(GoogleEndpoints endpoints, GoogleApi api) {
        this.endpoints = endpoints;
        this.api = api;
    }

    public record DirectoryUser(String id, String primaryEmail, String fullName, boolean suspended) {
    }

    public record DirectoryGroup(String id, String email, String name) {
    }

    /** A member of type USER (groups inside are expanded by includeDerivedMembership). */
    public record Member(String id, String email) {
    }

    public List<DirectoryUser> users(String accessToken) {
        return pages(endpoints.directory() + "/users?customer=my_customer&maxResults=500&projection=basic&orderBy=email",
                accessToken, "users", user -> new DirectoryUser(GoogleApi.text(user, "id"), GoogleApi.text(user, "primaryEmail"),
                        fullName(user), user.path("suspended").asBoolean(false) || user.path("archived").asBoolean(false)));
    }

    public List<DirectoryGroup> groups(String accessToken) {
        return pages(endpoints.directory() + "/groups?customer=my_customer&maxResults=200", accessToken, "groups",
                group -> new DirectoryGroup(GoogleApi.text(group, "id"), GoogleApi.text(group, "email"), GoogleApi.text(group, "name")));
    }

    public List<Member> members(String accessToken, String groupKey) {
        return pages(endpoints.directory() + "/groups/" + GoogleApi.encode(groupKey) + "/members?includeDerivedMembership=true&maxResults=200",
                accessToken, "members", member -> "USER".equals(GoogleApi.text(member, "type"))
                        ? new Member(GoogleApi.text(member, "id"), GoogleApi.text(member, "email")) : null);
    }

    private <T> List<T> pages(String url, String accessToken, String field, Function<JsonNode, T> read) {
        List<T> all = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = api.get(pageToken == null ? url : url + "&pageToken=" + GoogleApi.encode(pageToken), accessToken);
            for (JsonNode item : body.path(field)) {
                T value = read.apply(item);
                if (value != null) {
                    all.add(value);
                }
            }
            pageToken = GoogleApi.text(body, "nextPageToken");
            if (pageToken == null || pageToken.isEmpty()) {
                return all;
            }
        }
        throw new GoogleCallFailed("the directory answered more than " + MAX_PAGES + " pages");
    }

    private static String fullName(JsonNode user) {
        String full = GoogleApi.text(user.path("name"), "fullName");
        if (full != null && !full.isBlank()) {
            return full;
        }
        String given = GoogleApi.text(user.path("name"), "givenName");
        String family = GoogleApi.text(user.path("name"), "familyName");
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }
}
