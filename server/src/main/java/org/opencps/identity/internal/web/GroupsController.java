package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.opencps.identity.Group;
import org.opencps.identity.Groups;
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

@Tag(name = "Groups", description = "User groups of an organization")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/groups")
class GroupsController {

    private final Groups groups;

    GroupsController(Groups groups) {
        this.groups = groups;
    }

    record NewGroup(@NotBlank @Size(max = 100) String name) {
    }

    @GetMapping
    List<Group> list(Actor actor, @PathVariable OrgId orgId) {
        return groups.list(actor, orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Group create(Actor actor, @PathVariable OrgId orgId, @Valid @RequestBody NewGroup body) {
        return groups.create(actor, orgId, body.name());
    }

    @DeleteMapping("/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId) {
        groups.delete(actor, orgId, groupId);
    }

    @GetMapping("/{groupId}/members")
    List<UserId> members(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId) {
        return groups.members(actor, orgId, groupId);
    }

    @PutMapping("/{groupId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addMember(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, @PathVariable UserId userId) {
        groups.addMember(actor, orgId, groupId, userId);
    }

    @DeleteMapping("/{groupId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID groupId, @PathVariable UserId userId) {
        groups.removeMember(actor, orgId, groupId, userId);
    }
}
