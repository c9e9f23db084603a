package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.opencps.identity.GoogleImports;
import org.opencps.identity.GoogleWorkspace;
import org.opencps.identity.GoogleWorkspaceStatus;
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

@Tag(name = "Google Workspace import", description = "Importing a customer organization's people and groups from Google Workspace "
        + "(its customer admins only)")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/google-workspace")
class GoogleWorkspaceController {

    private final GoogleWorkspace workspace;
    private final GoogleImports imports;

    GoogleWorkspaceController(GoogleWorkspace workspace, GoogleImports imports) {
        this.workspace = workspace;
        this.imports = imports;
    }

    record ConnectStarted(URI authorizationUrl) {
    }

    record Selection(boolean allUsers, List<String> groupKeys) {
    }

    @GetMapping
    GoogleWorkspaceStatus status(Actor actor, @PathVariable OrgId orgId) {
        return imports.status(actor, orgId);
    }

    /** Begins the OAuth connection: send the admin's browser to authorizationUrl; Google returns it to /google-workspace/callback. */
    @PostMapping("/connect")
    ConnectStarted connect(Actor actor, @PathVariable OrgId orgId) {
        return new ConnectStarted(workspace.beginConnect(actor, orgId));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(Actor actor, @PathVariable OrgId orgId) {
        workspace.disconnect(actor, orgId);
    }

    @GetMapping("/groups")
    List<GoogleWorkspaceStatus.DirectoryGroup> groups(Actor actor, @PathVariable OrgId orgId) {
        return workspace.groups(actor, orgId);
    }

    @PutMapping("/selection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choose(Actor actor, @PathVariable OrgId orgId, @RequestBody Selection body) {
        workspace.choose(actor, orgId, body.allUsers(), body.groupKeys());
    }

    /** Queues an import; follow it with GET (lastImport). */
    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GoogleWorkspaceStatus.Job start(Actor actor, @PathVariable OrgId orgId) {
        return imports.start(actor, orgId);
    }

    /** Confirms that a person gone at Google leaves the organization. */
    @PostMapping("/gone/{userId}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        imports.deactivate(actor, orgId, userId);
    }
}
