package org.opencps.identity.internal.scim;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opencps.identity.ScimChanged;
import org.opencps.identity.User;
import org.opencps.identity.internal.persistence.ScimStore;
import org.opencps.identity.internal.persistence.ScimStore.UserColumn;
import org.opencps.identity.internal.persistence.ScimStore.UserRow;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Users of one organization (the token's; every call names it and nothing reaches past it). A new userName
 * creates an OpenCPS account from its e-mail address and makes it a member (customer user); an address that already
 * belongs to a member of the organization takes that member over; an address of an account outside it is refused
 * (the person is invited instead: provisioning never pulls someone else's account in). Deactivation is
 * {@link ScimMemberships#deactivate}.
 */
@Service
public class ScimUsers {

    private static final String CORE = ScimPath.CORE_USER;

    private final ScimStore store;
    private final UserStore accounts;
    private final ScimMemberships memberships;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ScimUsers(ScimStore store, UserStore accounts, ScimMemberships memberships, ApplicationEventPublisher events,
              TransactionTemplate transaction, JsonMapper json, PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.memberships = memberships;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public ObjectNode create(OrgId org, JsonNode body) {
        ObjectNode resource = resourceOf(body);
        UserAttributes wanted = UserAttributes.read(resource);
        String attributes = stored(resource);
        UserRow row = transaction.execute(status -> {
            if (store.userByName(org, wanted.userName()).isPresent()) {
                throw ScimException.uniqueness("a user with the userName '" + wanted.userName() + "' exists");
            }
            Instant now = clock.instant();
            var existing = accounts.findByEmail(wanted.email());
            UserId id;
            if (existing.isEmpty()) {
                id = new UserId(UUID.randomUUID());
                accounts.insert(new User(id, wanted.email(), wanted.displayName(), true, now));
            } else if (!accounts.isMember(org, existing.get().id())) {
                throw ScimException.uniqueness("an OpenCPS account with this e-mail address exists outside this organization: "
                        + "invite the person to the organization first, then provisioning takes them over");
            } else if (store.user(org, existing.get().id()).isPresent()) {
                throw ScimException.uniqueness("this e-mail address belongs to another provisioned user of the organization");
            } else {
                id = existing.get().id();
            }
            var created = new UserRow(org, id, wanted.userName(), wanted.externalId(), wanted.displayName(), wanted.active(),
                    existing.isEmpty(), attributes, null, 1, now, now);
            store.insertUser(created);
            if (wanted.active()) {
                memberships.activate(created);
            } else {
                memberships.deactivate(created);
            }
            events.publishEvent(new ScimChanged(org, null, "SCIM_USER_CREATED", id.toString(),
                    "userName " + wanted.userName() + (existing.isEmpty() ? ", new account" : ", existing member taken over")
                            + (wanted.active() ? "" : ", inactive"), now));
            return store.user(org, id).orElseThrow();
        });
        return render(row);
    }

    public ObjectNode get(OrgId org, String id) {
        return render(find(org, id));
    }

    public ObjectNode list(OrgId org, String filter, ScimResources.Page page) {
        UserColumn column = null;
        String value = null;
        if (filter != null && !filter.isBlank()) {
            var term = ScimFilters.single(filter);
            column = switch (term.attribute().toLowerCase(java.util.Locale.ROOT)) {
                case "username" -> UserColumn.USER_NAME;
                case "externalid" -> UserColumn.EXTERNAL_ID;
                case "displayname" -> UserColumn.DISPLAY_NAME;
                case "id" -> UserColumn.ID;
                default -> throw new ScimException(400, "invalidFilter", "Users are filtered by userName, externalId, displayName or id");
            };
            value = term.value().asString();
        }
        var rows = store.users(org, column, value, page.offset(), page.count());
        return ScimResources.list(rows.stream().map(this::render).toList(), store.countUsers(org, column, value), page);
    }

    public ObjectNode replace(OrgId org, String id, JsonNode body) {
        ObjectNode resource = resourceOf(body);
        return render(update(org, id, current -> resource));
    }

    public ObjectNode patch(OrgId org, String id, JsonNode body) {
        return render(update(org, id, current -> {
            ObjectNode resource = parse(current.attributes());
            ScimPatch.apply(resource, body, id);
            return resource;
        }));
    }

    public void delete(OrgId org, String id) {
        transaction.executeWithoutResult(status -> {
            UserRow row = find(org, id);
            memberships.deactivate(row);
            store.deleteUser(org, row.userId());
            boolean accountRemoved = row.provisioned() && accounts.organizationsOf(row.userId()).isEmpty()
                    && store.userAcrossOrganizations(row.userId()).isEmpty();
            if (accountRemoved) {
                accounts.delete(row.userId());
            }
            events.publishEvent(new ScimChanged(org, null, "SCIM_USER_DELETED", row.userId().toString(),
                    "userName " + row.userName() + (accountRemoved ? ", account deleted" : ""), clock.instant()));
        });
    }

    private UserRow update(OrgId org, String id, java.util.function.Function<UserRow, ObjectNode> change) {
        return transaction.execute(status -> {
            UserRow current = find(org, id);
            ObjectNode resource = change.apply(current);
            UserAttributes wanted = UserAttributes.read(resource);
            String attributes = stored(resource);
            var sameName = store.userByName(org, wanted.userName());
            if (sameName.isPresent() && !sameName.get().userId().equals(current.userId())) {
                throw ScimException.uniqueness("a user with the userName '" + wanted.userName() + "' exists");
            }
            if (current.provisioned()) {
                updateAccount(current.userId(), wanted);
            }
            Instant now = clock.instant();
            var updated = new UserRow(org, current.userId(), wanted.userName(), wanted.externalId(), wanted.displayName(),
                    wanted.active(), current.provisioned(), attributes, current.groupsWhileInactive(), current.version() + 1,
                    current.createdAt(), now);
            store.updateUser(updated);
            String action = "SCIM_USER_UPDATED";
            if (current.active() && !wanted.active()) {
                memberships.deactivate(updated);
                action = "SCIM_USER_DEACTIVATED";
            } else if (!current.active() && wanted.active()) {
                memberships.activate(updated);
                action = "SCIM_USER_REACTIVATED";
            }
            events.publishEvent(new ScimChanged(org, null, action, current.userId().toString(), "userName " + wanted.userName(), now));
            return store.user(org, current.userId()).orElseThrow();
        });
    }

    /** Only an account provisioning created follows the provider's address and name; a taken-over member's stays theirs. */
    private void updateAccount(UserId id, UserAttributes wanted) {
        User account = accounts.find(id).orElseThrow();
        if (!account.email().equals(wanted.email())) {
            if (accounts.findByEmail(wanted.email()).isPresent()) {
                throw ScimException.uniqueness("another OpenCPS account has the e-mail address " + wanted.email());
            }
            accounts.changeEmail(id, wanted.email());
        }
        if (!account.displayName().equals(wanted.displayName())) {
            accounts.rename(id, wanted.displayName());
        }
    }

    UserRow find(OrgId org, String id) {
        return ScimIds.parse(id).flatMap(uuid -> store.user(org, new UserId(uuid)))
                .orElseThrow(() -> ScimException.notFound("user " + id));
    }

    private ObjectNode render(UserRow row) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode attributes = parse(row.attributes());
        out.putArray("schemas").add(CORE);
        JsonNode schemas = ScimJson.child(attributes, "schemas");
        if (schemas != null && schemas.isArray()) {
            schemas.forEach(schema -> {
                if (schema.isString() && !schema.asString().equals(CORE)) {
                    ((tools.jackson.databind.node.ArrayNode) out.get("schemas")).add(schema.asString());
                }
            });
        }
        out.put("id", row.userId().toString());
        if (row.externalId() != null) {
            out.put("externalId", row.externalId());
        }
        out.put("userName", row.userName());
        attributes.remove(java.util.List.of("schemas", "externalId", "userName", "active"));
        ScimJson.merge(out, attributes);
        out.put("active", row.active());
        out.set("meta", ScimResources.meta("User", row.createdAt(), row.updatedAt(), location("Users", row.userId().toString()),
                row.version()));
        return out;
    }

    String location(String type, String id) {
        return publicUrl.base() + "/scim/v2/" + type + "/" + id;
    }

    private ObjectNode resourceOf(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw ScimException.invalidSyntax("a User is a JSON object");
        }
        ScimIds.requireSchema(object, CORE);
        return object.deepCopy();
    }

    private String stored(ObjectNode resource) {
        String text = json.writeValueAsString(resource);
        if (text.length() > UserAttributes.MAX_STORED) {
            throw ScimException.invalidValue("the user's attributes are too large (at most " + UserAttributes.MAX_STORED + " characters)");
        }
        return text;
    }

    private ObjectNode parse(String attributes) {
        return (ObjectNode) json.readTree(attributes);
    }
}
