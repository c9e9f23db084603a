package org.opencps.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.google.DirectoryApi;
import org.opencps.identity.internal.google.GoogleCallFailed;
import org.opencps.identity.internal.google.GoogleEndpoints;
import org.opencps.identity.internal.google.GoogleImporter;
import org.opencps.identity.internal.google.GoogleOAuth;
import org.opencps.identity.internal.persistence.GoogleDirectoryStore;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting a customer organization's Google Workspace directory (OAuth 2.0 authorization code flow with PKCE, the
 * read-only Directory scopes, the refresh token sealed) and choosing what to import. Customer admins only
 * ({@link AccessPolicy#requireManageSignIn}); the connection a browser began can be finished only by the admin who began
 * it, in that organization, within 10 minutes, once. Imports: {@link GoogleImports}.
 */
@Service
public class GoogleWorkspace {

    static final Duration CONNECT_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_GROUPS = 100;

    private final AccessPolicy policy;
    private final GoogleDirectoryStore store;
    private final GoogleEndpoints endpoints;
    private final GoogleOAuth oauth;
    private final DirectoryApi directory;
    private final ServerSecrets secrets;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GoogleWorkspace(AccessPolicy policy, GoogleDirectoryStore store, GoogleEndpoints endpoints, GoogleOAuth oauth, DirectoryApi directory,
                    ServerSecrets secrets, PublicUrl publicUrl, TransactionTemplate transaction, ApplicationEventPublisher events,
                    Clock clock) {
        this.policy = policy;
        this.store = store;
        this.endpoints = endpoints;
        this.oauth = oauth;
        this.directory = directory;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Where Google sends the admin's browser back to (register it at the OAuth client). */
    public String redirectUri() {
        return publicUrl.base() + "/google-workspace/callback";
    }

    /** Begins the connection: answers Google's consent URL to send the admin's browser to. */
    public URI beginConnect(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        if (!endpoints.configured()) {
            throw new ConflictException("google", "problem.google.notConfigured",
                    "the operator has not configured the OAuth client for Google Workspace");
        }
        String state = Tokens.newToken("");
        String verifier = Tokens.newToken("");
        Instant now = clock.instant();
        store.beginConnect(Tokens.hash(state), org, actor.userId(), secrets.seal(verifier, verifierContext(org, state)), now,
                now.minus(CONNECT_LIFETIME));
        return oauth.authorizationUrl(redirectUri(), state, challenge(verifier));
    }

    /**
     * Ends the connection with the code Google redirected back with. An unknown, used, expired or someone else's state
     * is 404 and changes nothing.
     *
     * @return the organization connected
     */
    public OrgId completeConnect(Actor actor, String state, String code, String error) {
        if (state == null || state.isBlank()) {
            throw new NotFoundException("google workspace connection");
        }
        var pending = store.takeConnect(Tokens.hash(state), actor.userId())
                .filter(row -> !row.createdAt().plus(CONNECT_LIFETIME).isBefore(clock.instant()))
                .orElseThrow(() -> new NotFoundException("google workspace connection"));
        OrgId org = pending.orgId();
        policy.requireManageSignIn(actor, org);
        if (error != null || code == null || code.isBlank()) {
            throw new InvalidInputException("code", "problem.google.refused", "Google did not grant access: " + error, String.valueOf(error));
        }
        String refresh;
        try {
            refresh = oauth.exchange(code, secrets.open(pending.sealedVerifier(), verifierContext(org, state)), redirectUri());
        } catch (GoogleCallFailed failed) {
            throw new InvalidInputException("code", "problem.google.refused", "Google did not grant access: " + failed.getMessage(),
                    failed.getMessage());
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            store.saveConnection(org, secrets.seal(refresh, GoogleImporter.refreshTokenContext(org)), actor.userId(), now);
            events.publishEvent(new GoogleWorkspaceChanged(org, actor.userId(), "connected", now));
        });
        return org;
    }

    public void disconnect(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        transaction.executeWithoutResult(status -> {
            if (!store.deleteConnection(org)) {
                throw new NotFoundException("google workspace connection");
            }
            events.publishEvent(new GoogleWorkspaceChanged(org, actor.userId(), "disconnected", clock.instant()));
        });
    }

    /** The directory's groups, read from Google now. */
    public List<GoogleWorkspaceStatus.DirectoryGroup> groups(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        var connection = store.connection(org).orElseThrow(GoogleWorkspace::notConnected);
        try {
            String access = oauth.accessToken(secrets.open(connection.sealedRefreshToken(), GoogleImporter.refreshTokenContext(org)));
            return directory.groups(access).stream()
                    .map(group -> new GoogleWorkspaceStatus.DirectoryGroup(group.id(), group.email(), group.name())).toList();
        } catch (GoogleCallFailed failed) {
            throw new ConflictException("google", "problem.google.unreachable", "Google Workspace could not be read: " + failed.getMessage(),
                    failed.getMessage());
        }
    }

    /** Every user of the directory, or the members of these groups (ids or addresses). */
    public void choose(Actor actor, OrgId org, boolean allUsers, List<String> groupKeys) {
        policy.requireManageSignIn(actor, org);
        List<String> keys = groupKeys == null ? List.of() : groupKeys.stream().map(String::strip).filter(key -> !key.isEmpty())
                .map(key -> key.toLowerCase(Locale.ROOT)).distinct().toList();
        if (keys.size() > MAX_GROUPS || keys.stream().anyMatch(key -> key.length() > 254 || key.contains(" "))) {
            throw new InvalidInputException("groupKeys", "problem.google.groups", "choose at most " + MAX_GROUPS + " groups by id or address",
                    MAX_GROUPS);
        }
        if (!allUsers && keys.isEmpty()) {
            throw new InvalidInputException("groupKeys", "problem.google.noSelection", "choose all users or at least one group");
        }
        transaction.executeWithoutResult(status -> {
            if (!store.saveSelection(org, allUsers, allUsers ? List.of() : keys)) {
                throw notConnected();
            }
            events.publishEvent(new GoogleWorkspaceChanged(org, actor.userId(),
                    allUsers ? "import all users" : "import the groups " + String.join(", ", keys), clock.instant()));
        });
    }

    static ConflictException notConnected() {
        return new ConflictException("google", "problem.google.notConnected", "connect the organization's Google Workspace first");
    }

    private static String verifierContext(OrgId org, String state) {
        return "identity.google-directory.verifier:" + org + ":" + Tokens.hash(state);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
