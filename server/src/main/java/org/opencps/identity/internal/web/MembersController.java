package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencps.access.RoleRef;
import org.opencps.identity.Member;
import org.opencps.identity.Pins;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Members", description = "The people of an organization and their roles")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/members")
class MembersController {

    private final Users users;
    private final Pins pins;

    MembersController(Users users, Pins pins) {
        this.users = users;
        this.pins = pins;
    }

    record SetRoles(@NotNull @Size(min = 1, max = 20) List<String> roles) {
    }

    static Set<RoleRef> parseRoles(List<String> keys) {
        var parsed = new LinkedHashSet<RoleRef>();
        for (int i = 0; i < keys.size(); i++) {
            parsed.add(RoleRef.parse(keys.get(i), "roles[" + i + "]"));
        }
        return parsed;
    }

    @GetMapping
    List<Member> list(Actor actor, @PathVariable OrgId orgId) {
        return users.members(actor, orgId);
    }

    @GetMapping("/{userId}")
    Member get(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        return users.member(actor, orgId, userId);
    }

    @Operation(summary = "Replace a member's roles (never beyond the caller's own permissions)")
    @PutMapping("/{userId}/roles")
    Member setRoles(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, @Valid @RequestBody SetRoles body) {
        return users.setRoles(actor, orgId, userId, parseRoles(body.roles()));
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        users.removeMember(actor, orgId, userId);
    }

    @Operation(summary = "Give a member a new PIN; the member sees it, the admin does not")
    @PostMapping("/{userId}/pin/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPin(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        pins.reset(actor, orgId, userId);
    }
}
