package org.opencps.identity.internal.scim;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencps.identity.Group;
import org.opencps.identity.ScimChanged;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.ScimStore;
import org.opencps.identity.internal.persistence.ScimStore.GroupColumn;
import org.opencps.identity.internal.persistence.ScimStore.GroupRow;
import org.opencps.identity.internal.persistence.ScimStore.UserRow;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups of one organization: its user groups, the ones the provider created or took over by name. Members are
 * the organization's SCIM users; members an admin added by hand who are not provisioned are neither shown nor touched.
 * A PATCH is applied to the group as JSON ({@link ScimPatch}), then the difference is made.
 */
@Service
public class ScimGroups {

    private static final String CORE = ScimPath.CORE_GROUP;

    private final ScimStore store;
    private final GroupStore groups;
    private final ScimUsers users;
    private final ScimMemberships memberships;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScimGroups(ScimStore store, GroupStore groups, ScimUsers users, ScimMemberships memberships, ApplicationEventPublisher events,
               TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.groups = groups;
        this.users = users;
        this.memberships = memberships;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public ObjectNode create(OrgId org, JsonNode body) {
        ObjectNode wanted = resourceOf(body);
        UUID id = transaction.execute(status -> {
            String name = displayName(wanted);
            Instant now = clock.instant();
            var sameName = groups.list(org).stream().filter(group -> group.name().equalsIgnoreCase(name)).findFirst();
            if (sameName.isPresent() && store.group(org, sameName.get().id()).isPresent()) {
                throw ScimException.uniqueness("a group with the displayName '" + name + "' exists");
            }
            Group group = sameName.orElseGet(() -> new Group(org, UUID.randomUUID(), name, now));
            if (sameName.isEmpty()) {
                groups.insert(group);
            }
            store.insertGroup(new GroupRow(org, group.id(), externalId(wanted), 1, now, now));
            setMembers(org, group.id(), memberIds(org, wanted));
            events.publishEvent(new ScimChanged(org, null, "SCIM_GROUP_CREATED", group.id().toString(),
                    "displayName " + name + (sameName.isPresent() ? ", existing group taken over" : ""), now));
            return group.id();
        });
        return render(org, id);
    }

    public ObjectNode get(OrgId org, String id) {
        return render(org, find(org, id).groupId());
    }

    public ObjectNode list(OrgId org, String filter, ScimResources.Page page) {
        GroupColumn column = null;
        String value = null;
        if (filter != null && !filter.isBlank()) {
            var term = ScimFilters.single(filter);
            column = switch (term.attribute().toLowerCase(Locale.ROOT)) {
                case "displayname" -> GroupColumn.DISPLAY_NAME;
                case "externalid" -> GroupColumn.EXTERNAL_ID;
                case "id" -> GroupColumn.ID;
                default -> throw new ScimException(400, "invalidFilter", "Groups are filtered by displayName, externalId or id");
            };
            value = term.value().asString();
        }
        var rows = store.groups(org, column, value, page.offset(), page.count());
        return ScimResources.list(rows.stream().map(row -> render(org, row.groupId())).toList(),
                store.countGroups(org, column, value), page);
    }

    public ObjectNode replace(OrgId org, String id, JsonNode body) {
        ObjectNode wanted = resourceOf(body);
        return update(org, id, current -> wanted);
    }

    public ObjectNode patch(OrgId org, String id, JsonNode body) {
        return update(org, id, current -> {
            ScimPatch.apply(current, body, id);
            return current;
        });
    }

    public void delete(OrgId org, String id) {
        transaction.executeWithoutResult(status -> {
            GroupRow row = find(org, id);
            String name = groups.find(org, row.groupId()).map(Group::name).orElse("");
            groups.delete(org, row.groupId());
            events.publishEvent(new ScimChanged(org, null, "SCIM_GROUP_DELETED", row.groupId().toString(), "displayName " + name,
                    clock.instant()));
        });
    }

    private ObjectNode update(OrgId org, String id, java.util.function.UnaryOperator<ObjectNode> change) {
        UUID groupId = transaction.execute(status -> {
            GroupRow row = find(org, id);
            ObjectNode wanted = change.apply(render(org, row.groupId()));
            String name = displayName(wanted);
            Group group = groups.find(org, row.groupId()).orElseThrow();
            if (!group.name().equals(name)) {
                boolean taken = groups.list(org).stream()
                        .anyMatch(other -> !other.id().equals(group.id()) && other.name().equalsIgnoreCase(name));
                if (taken) {
                    throw ScimException.uniqueness("a group with the displayName '" + name + "' exists");
                }
                store.renameGroup(org, group.id(), name);
            }
            Instant now = clock.instant();
            store.updateGroup(new GroupRow(org, row.groupId(), externalId(wanted), row.version() + 1, row.createdAt(), now));
            var changes = setMembers(org, row.groupId(), memberIds(org, wanted));
            events.publishEvent(new ScimChanged(org, null, "SCIM_GROUP_UPDATED", row.groupId().toString(),
                    "displayName " + name + ", members +" + changes[0] + " -" + changes[1], now));
            return row.groupId();
        });
        return render(org, groupId);
    }

    /** Makes the group's provisioned members exactly {@code wanted}: @return how many were added and removed. */
    private int[] setMembers(OrgId org, UUID group, Map<UserId, UserRow> wanted) {
        Map<UserId, UserRow> current = members(org, group);
        int added = 0;
        int removed = 0;
        for (var entry : wanted.entrySet()) {
            if (!current.containsKey(entry.getKey())) {
                memberships.addToGroup(entry.getValue(), group);
                added++;
            }
        }
        for (var entry : current.entrySet()) {
            if (!wanted.containsKey(entry.getKey())) {
                memberships.removeFromGroup(entry.getValue(), group);
                removed++;
            }
        }
        return new int[] {added, removed};
    }

    /** The group's provisioned members: active ones in the group, inactive ones who get it back on reactivation. */
    private Map<UserId, UserRow> members(OrgId org, UUID group) {
        Map<UserId, UserRow> members = new LinkedHashMap<>();
        for (UserId member : groups.members(org, group)) {
            store.user(org, member).ifPresent(row -> members.put(member, row));
        }
        store.usersKeepingGroup(org, group).forEach(row -> members.put(row.userId(), row));
        return members;
    }

    private Map<UserId, UserRow> memberIds(OrgId org, ObjectNode wanted) {
        Map<UserId, UserRow> members = new LinkedHashMap<>();
        JsonNode list = ScimJson.child(wanted, "members");
        if (list == null || list.isNull()) {
            return members;
        }
        if (!list.isArray()) {
            throw ScimException.invalidValue("members is a list of {\"value\": user id}");
        }
        for (JsonNode member : list) {
            String value = ScimJson.text(member, "value");
            UserRow row = value == null ? null
                    : ScimIds.parse(value).flatMap(uuid -> store.user(org, new UserId(uuid))).orElse(null);
            if (row == null) {
                throw ScimException.invalidValue("no provisioned user '" + value + "' in this organization can be a member");
            }
            members.put(row.userId(), row);
        }
        return members;
    }

    private ObjectNode render(OrgId org, UUID groupId) {
        GroupRow row = store.group(org, groupId).orElseThrow();
        Group group = groups.find(org, groupId).orElseThrow();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("schemas").add(CORE);
        out.put("id", groupId.toString());
        if (row.externalId() != null) {
            out.put("externalId", row.externalId());
        }
        out.put("displayName", group.name());
        ArrayNode members = out.putArray("members");
        members(org, groupId).values().forEach(member -> members.addObject()
                .put("value", member.userId().toString())
                .put("display", member.displayName())
                .put("$ref", users.location("Users", member.userId().toString())));
        out.set("meta", ScimResources.meta("Group", row.createdAt(), row.updatedAt(), users.location("Groups", groupId.toString()),
                row.version()));
        return out;
    }

    private GroupRow find(OrgId org, String id) {
        return ScimIds.parse(id).flatMap(uuid -> store.group(org, uuid)).orElseThrow(() -> ScimException.notFound("group " + id));
    }

    private static ObjectNode resourceOf(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ScimException.invalidSyntax("a Group is a JSON object");
        }
        ScimIds.requireSchema(object, CORE);
        return object;
    }

    private static String displayName(ObjectNode group) {
        String name = ScimJson.text(group, "displayName");
        if (name == null || name.isBlank() || name.strip().length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw ScimException.invalidValue("displayName is required: a text of 1 to 100 characters");
        }
        return name.strip();
    }

    private static String externalId(ObjectNode group) {
        JsonNode node = ScimJson.child(group, "externalId");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().length() > 255) {
            throw ScimException.invalidValue("externalId is a text of at most 255 characters");
        }
        return node.asString();
    }
}
