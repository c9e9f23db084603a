package org.opencps.identity;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.AuthnRequestParams;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.logout.LogoutRequest;
import com.onelogin.saml2.logout.LogoutResponse;
import com.onelogin.saml2.logout.LogoutResponseParams;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.opencps.identity.internal.persistence.SsoReplayStore;
import org.opencps.identity.internal.saml.BrowserBinding;
import org.opencps.identity.internal.saml.IdpMetadata;
import org.opencps.identity.internal.saml.SamlAttributes;
import org.opencps.identity.internal.saml.SamlRedirects;
import org.opencps.identity.internal.saml.SamlResponses;
import org.opencps.identity.internal.saml.SamlSettings;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Signing in through an organization's SAML 2.0 identity provider, for anyone (the browser brings only the
 * provider's id): OpenCPS's SP metadata, the signed authentication request (HTTP-Redirect binding; its id is kept
 * in the database so that any server process can receive the answer, once, and only from the browser that started
 * it), the checked response at the ACS handed
 * to {@link SsoSignIns} as an {@link SsoAssertion}, and the IdP's single logout request, which ends the person's
 * sessions.
 */
@Service
public class SamlSignIns {

    private static final Logger log = LoggerFactory.getLogger(SamlSignIns.class);
    private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    private static final Duration METADATA_MAX_AGE = Duration.ofDays(1);

    private final SamlProviderStore providers;
    private final SamlSettings settings;
    private final SamlResponses responses;
    private final IdpMetadata metadata;
    private final SsoReplayStore replay;
    private final SsoSignIns signIns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SamlSignIns(SamlProviderStore providers, SamlSettings settings, SamlResponses responses, IdpMetadata metadata,
                SsoReplayStore replay, SsoSignIns signIns, ApplicationEventPublisher events, Clock clock) {
        this.providers = providers;
        this.settings = settings;
        this.responses = responses;
        this.metadata = metadata;
        this.replay = replay;
        this.signIns = signIns;
        this.events = events;
        this.clock = clock;
    }

    /** OpenCPS's SP metadata for the provider, for the IdP's admin (or the IdP itself) to read. */
    public String spMetadata(UUID providerId) {
        try {
            return settings.of(provider(providerId)).getSPMetadata();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the SP certificate could not be encoded", e);
        }
    }

    /**
     * A started sign-in: where the browser goes (the IdP's single sign-on service with a signed authentication
     * request) and the value the browser must keep (in a cookie) and bring back with the IdP's response.
     */
    public record Started(String location, String browserBinding) {
    }

    /** Starts a sign-in; {@code browserBinding} is the value this browser already holds, if any (null when none). */
    public Started signInRedirect(UUID providerId, String browserBinding) {
        SamlRow row = fresh(provider(providerId));
        Saml2Settings saml = settings.of(row);
        var request = new AuthnRequest(saml, new AuthnRequestParams(false, false, false));
        String binding = BrowserBinding.reuseOrNew(browserBinding);
        Instant now = clock.instant();
        replay.requestSent(request.getId(), row.id(), BrowserBinding.hash(binding), now.plus(REQUEST_LIFETIME), now);
        try {
            return new Started(SamlRedirects.signed(saml, saml.getIdpSingleSignOnServiceUrl().toString(), "SAMLRequest",
                    request.getEncodedAuthnRequest()), binding);
        } catch (IOException e) {
            throw new IllegalStateException("the authentication request could not be encoded", e);
        }
    }

    /**
     * The IdP's response posted to the ACS: checked ({@link SamlResponses}), then the person is signed in as for any
     * provider. A response that fails a check is refused as {@link SsoOutcome.Reason#INVALID_ASSERTION} (or
     * {@link SsoOutcome.Reason#NOT_THIS_BROWSER} when the posting browser did not start the sign-in); why is logged.
     */
    public SsoOutcome signIn(UUID providerId, String samlResponse, String browserBinding, String sourceIp) {
        var row = providers.findByIdAcrossOrganizations(providerId);
        if (row.isEmpty()) {
            return new SsoOutcome.Refused(SsoOutcome.Reason.UNAVAILABLE);
        }
        SamlResponses.Checked checked;
        try {
            checked = responses.check(row.get(), settings.decrypting(row.get()), settings.acsUrl(providerId), samlResponse, browserBinding);
        } catch (SamlResponses.Rejected e) {
            log.info("A SAML response for provider {} from {} was refused: {}", providerId, sourceIp, e.getMessage());
            boolean otherBrowser = e instanceof SamlResponses.NotThisBrowser;
            events.publishEvent(new LoginFailed(null, null, sourceIp, otherBrowser
                    ? "single sign-on refused: SAML response for a sign-in not started in this browser"
                    : "single sign-on refused: SAML response failed its checks"));
            return new SsoOutcome.Refused(otherBrowser ? SsoOutcome.Reason.NOT_THIS_BROWSER : SsoOutcome.Reason.INVALID_ASSERTION);
        }
        SsoOutcome outcome = signIns.signIn(SamlAttributes.assertion(row.get(), checked), sourceIp);
        if (outcome instanceof SsoOutcome.Success success) {
            return success.from(ProviderSession.saml(success.user().id(), row.get().orgId(), providerId, checked.nameId(),
                    checked.nameIdFormat(), checked.nameQualifier(), checked.spNameQualifier(), checked.sessionIndex()));
        }
        return outcome;
    }

    /**
     * The IdP's single logout request (HTTP-Redirect binding, signed by the IdP): ends every session of the person it
     * names and answers where the browser goes next, the IdP's logout service with a signed logout response.
     *
     * @throws InvalidInputException when the request is unsigned, not the IdP's, expired or replayed
     */
    public String singleLogout(UUID providerId, Map<String, List<String>> parameters, String queryString) {
        SamlRow row = provider(providerId);
        Saml2Settings saml = settings.of(row);
        String signature = first(parameters, "Signature");
        if (first(parameters, "SAMLRequest") == null || signature == null || signature.isBlank()) {
            throw new InvalidInputException("SAMLRequest", "a signed SAML logout request is expected");
        }
        var http = new HttpRequest(settings.logoutUrl(providerId), parameters, queryString);
        var request = new LogoutRequest(saml, http);
        if (!request.isValid()) {
            throw new InvalidInputException("SAMLRequest", "the logout request failed its checks: " + request.getError());
        }
        Instant now = clock.instant();
        String nameId;
        List<String> sessionIndexes;
        try {
            var document = Util.loadXML(request.getLogoutRequestXml());
            var issued = LogoutRequest.getIssueInstant(document).toInstant();
            if (issued.isBefore(now.minus(REQUEST_LIFETIME)) || issued.isAfter(now.plus(Duration.ofMinutes(2)))) {
                throw new InvalidInputException("SAMLRequest", "the logout request was issued at " + issued + ", too far from now");
            }
            nameId = LogoutRequest.getNameId(document, saml.getSPkey(), true);
            sessionIndexes = LogoutRequest.getSessionIndexes(document);
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException("SAMLRequest", "the logout request could not be read: " + e.getMessage());
        }
        if (!replay.firstUse("saml-logout", row.idpEntityId(), request.getId(), now.plus(REQUEST_LIFETIME.multipliedBy(2)), now)) {
            throw new InvalidInputException("SAMLRequest", "the logout request was used before");
        }
        int ended = signIns.endSessions(row.orgId(), row.idpEntityId(), nameId, sessionIndexes.isEmpty() ? null : sessionIndexes.getFirst());
        log.info("SAML single logout from {} ended {} session(s)", row.idpEntityId(), ended);
        var response = new LogoutResponse(saml, new LogoutResponseParams(request.getId(), Constants.STATUS_SUCCESS));
        String target = saml.getIdpSingleLogoutServiceResponseUrl() != null
                ? saml.getIdpSingleLogoutServiceResponseUrl().toString()
                : saml.getIdpSingleLogoutServiceUrl().toString();
        try {
            return SamlRedirects.signed(saml, target, "SAMLResponse", response.getEncodedLogoutResponse());
        } catch (IOException e) {
            throw new IllegalStateException("the logout response could not be encoded", e);
        }
    }

    private SamlRow provider(UUID providerId) {
        return providers.findByIdAcrossOrganizations(providerId).orElseThrow(() -> new NotFoundException("saml provider"));
    }

    /** Metadata fetched from a URL is fetched again when older than a day; if that fails, the old one stays. */
    private SamlRow fresh(SamlRow row) {
        Instant now = clock.instant();
        if (row.metadataUrl() == null || row.metadataFetchedAt().plus(METADATA_MAX_AGE).isAfter(now)) {
            return row;
        }
        try {
            var parsed = metadata.fetch(row.metadataUrl());
            providers.refreshMetadata(row.id(), parsed.entityId(), parsed.xml(), now);
            return providers.findByIdAcrossOrganizations(row.id()).orElse(row);
        } catch (InvalidInputException e) {
            log.warn("Refreshing the SAML metadata of provider {} failed, the stored one stays: {}", row.id(), e.getMessage());
            return row;
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(values -> !values.isEmpty()).map(List::getFirst).orElse(null);
    }
}
