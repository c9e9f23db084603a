package org.opencps.identity;

import com.onelogin.saml2.util.Constants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.SsoSignedOut.Outcome;
import org.opencps.identity.internal.persistence.OidcProviderStore;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.SsoLogoutStore;
import org.opencps.identity.internal.saml.BrowserBinding;
import org.opencps.identity.internal.saml.SamlLogouts;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.secrets.ServerSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing a person out at the identity provider they signed in through, after their OpenCPS session ended (which
 * never waits for the provider). OpenID Connect: RP-Initiated Logout 1.0, the browser goes to the provider's
 * end_session_endpoint with the ID token of that sign-in, the client id, OpenCPS's post-logout landing and a state the
 * landing checks. SAML: a signed LogoutRequest to the IdP's single logout service, whose LogoutResponse must answer it.
 * What was sent is kept in the database for 15 minutes and answered once, by whichever server process the answer
 * reaches. Every step is audited ({@link SsoSignedOut}); a provider without a logout endpoint means local sign-out only.
 */
@Service
public class SsoSignOuts {

    private static final Logger log = LoggerFactory.getLogger(SsoSignOuts.class);
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(15);
    private static final int MAX_STATE = 100;

    private final OidcProviderStore oidcProviders;
    private final SamlProviderStore samlProviders;
    private final SamlLogouts samlLogouts;
    private final SsoLogoutStore pending;
    private final ServerSecrets secrets;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SsoSignOuts(OidcProviderStore oidcProviders, SamlProviderStore samlProviders, SamlLogouts samlLogouts,
                SsoLogoutStore pending, ServerSecrets secrets, PublicUrl publicUrl, ApplicationEventPublisher events,
                TransactionTemplate transaction, Clock clock) {
        this.oidcProviders = oidcProviders;
        this.samlProviders = samlProviders;
        this.samlLogouts = samlLogouts;
        this.pending = pending;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Where the browser goes to sign out at the provider; empty: the provider has no logout, the sign-out was local only. */
    public Optional<String> atProvider(ProviderSession session) {
        return "oidc".equals(session.protocol()) ? oidc(session) : saml(session);
    }

    /** OpenCPS's landing after the provider's logout, to register at the provider as a post-logout redirect URI. */
    private String oidcSignedOutUrl(UUID providerId) {
        return publicUrl.base() + "/sso/oidc/signed-out/" + providerId;
    }

    private Optional<String> oidc(ProviderSession session) {
        var provider = oidcProviders.findByIdAcrossOrganizations(session.providerId())
                .filter(row -> row.orgId().equals(session.org()));
        if (provider.isEmpty()) {
            return localOnly(session, "the provider is no longer configured");
        }
        String endpoint = provider.get().endSessionEndpoint();
        if (endpoint == null) {
            return localOnly(session, "the provider's discovery document names no end_session_endpoint");
        }
        String idToken;
        try {
            idToken = secrets.open(session.sealedIdToken(), SsoSignIns.idTokenContext(session.providerId(), session.user()));
        } catch (IllegalStateException e) {
            return localOnly(session, "the ID token of the sign-in could not be opened");
        }
        String state = BrowserBinding.reuseOrNew(null);
        sent(session, BrowserBinding.hash(state), "sent to the provider's end_session_endpoint");
        return Optional.of(endpoint + (endpoint.contains("?") ? "&" : "?") + "id_token_hint=" + encoded(idToken)
                + "&client_id=" + encoded(provider.get().clientId())
                + "&post_logout_redirect_uri=" + encoded(oidcSignedOutUrl(session.providerId()))
                + "&state=" + encoded(state));
    }

    private Optional<String> saml(ProviderSession session) {
        var provider = samlProviders.findByIdAcrossOrganizations(session.providerId())
                .filter(row -> row.orgId().equals(session.org()));
        if (provider.isEmpty()) {
            return localOnly(session, "the provider is no longer configured");
        }
        var request = samlLogouts.request(provider.get(), new SamlLogouts.Subject(session.nameId(), session.nameIdFormat(),
                session.nameQualifier(), session.spNameQualifier(), session.sessionIndex()));
        if (request.isEmpty()) {
            return localOnly(session, "the IdP's metadata names no single logout service for the HTTP-Redirect binding");
        }
        sent(session, request.get().requestId(), "LogoutRequest " + request.get().requestId() + " sent to the IdP's single logout service");
        return Optional.of(request.get().location());
    }

    private void sent(ProviderSession session, String id, String detail) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            pending.sent(id, session.protocol(), session.providerId(), session.org(), session.user(), now.plus(ANSWER_WITHIN), now);
            events.publishEvent(new SsoSignedOut(session.user(), session.org(), session.protocol(), Outcome.SENT_TO_PROVIDER, detail, now));
        });
    }

    private Optional<String> localOnly(ProviderSession session, String why) {
        transaction.executeWithoutResult(status -> events.publishEvent(new SsoSignedOut(session.user(), session.org(),
                session.protocol(), Outcome.LOCAL_ONLY, why, clock.instant())));
        return Optional.empty();
    }

    /** What the provider's answer to a sign-out came to. REFUSED: it failed a check, or answers nothing open; nothing changed. */
    public enum Answer { CONFIRMED, PROVIDER_FAILED, REFUSED }

    /** The OpenID Connect provider sent the browser back to the post-logout landing: the state must be one OpenCPS sent it. */
    public Answer oidcReturned(UUID providerId, String state) {
        if (!BrowserBinding.wellFormed(state)) {
            log.info("A post-logout return for OpenID Connect provider {} came without a well-formed state", providerId);
            return Answer.REFUSED;
        }
        return answered(BrowserBinding.hash(state), "oidc", providerId, Outcome.CONFIRMED_BY_PROVIDER,
                "the provider sent the browser back from its logout with the state OpenCPS sent");
    }

    /** The SAML IdP's LogoutResponse at OpenCPS's single logout endpoint (HTTP-Redirect binding). */
    public Answer samlLogoutResponse(UUID providerId, Map<String, List<String>> parameters, String queryString) {
        var provider = samlProviders.findByIdAcrossOrganizations(providerId);
        if (provider.isEmpty()) {
            return Answer.REFUSED;
        }
        SamlLogouts.Answered answered;
        try {
            answered = samlLogouts.response(provider.get(), parameters, queryString);
        } catch (SamlLogouts.Rejected e) {
            log.info("A SAML logout response for provider {} was refused: {}", providerId, e.getMessage());
            return Answer.REFUSED;
        }
        boolean success = Constants.STATUS_SUCCESS.equals(answered.status());
        return answered(answered.inResponseTo(), "saml", providerId,
                success ? Outcome.CONFIRMED_BY_PROVIDER : Outcome.PROVIDER_REPORTED_FAILURE,
                "LogoutResponse to " + answered.inResponseTo() + ": " + answered.status());
    }

    private Answer answered(String id, String protocol, UUID providerId, Outcome outcome, String detail) {
        Instant now = clock.instant();
        boolean open = Boolean.TRUE.equals(transaction.execute(status -> pending.answer(id, protocol, providerId, now)
                .map(whose -> {
                    events.publishEvent(new SsoSignedOut(whose.user(), whose.org(), protocol, outcome, detail, now));
                    return true;
                }).orElse(false)));
        if (!open) {
            log.info("A {} logout answer for provider {} answers no sign-out open for it (another provider's, answered before,"
                    + " expired or never sent)", protocol, providerId);
            return Answer.REFUSED;
        }
        return outcome == Outcome.CONFIRMED_BY_PROVIDER ? Answer.CONFIRMED : Answer.PROVIDER_FAILED;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
