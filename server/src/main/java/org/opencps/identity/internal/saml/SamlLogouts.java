package org.opencps.identity.internal.saml;

import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.logout.LogoutRequest;
import com.onelogin.saml2.logout.LogoutRequestParams;
import com.onelogin.saml2.logout.LogoutResponse;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.util.Util;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.springframework.stereotype.Component;

/**
 * Single logout that OpenCPS starts: the signed LogoutRequest for the IdP's single logout service (HTTP-Redirect),
 * naming the person as the assertion did (NameID with its format and qualifiers, SessionIndex), and the checks on the
 * IdP's LogoutResponse: signed in the query (required, whatever the admin chose for responses), by the IdP's
 * certificate, sent by the IdP (Issuer) to this very endpoint (Destination, which the redirect binding requires of a
 * signed message), recently (IssueInstant), answering a request (InResponseTo; whether OpenCPS sent it and it is
 * still open is the caller's check).
 */
@Component
public class SamlLogouts {

    private static final Duration ISSUED_WITHIN = Duration.ofMinutes(10);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int MAX_ENCODED = 64 * 1024;

    private final SamlSettings settings;
    private final Clock clock;

    SamlLogouts(SamlSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The request sent: its id, and where the browser goes (the IdP's single logout service with the signed request). */
    public record Sent(String requestId, String location) {
    }

    /** The person as the assertion named them, and the IdP's session it started. */
    public record Subject(String nameId, String nameIdFormat, String nameQualifier, String spNameQualifier, String sessionIndex) {
    }

    /** Empty when the IdP's metadata names no single logout service for the HTTP-Redirect binding. */
    public Optional<Sent> request(SamlRow row, Subject subject) {
        Saml2Settings saml = settings.of(row);
        if (saml.getIdpSingleLogoutServiceUrl() == null) {
            return Optional.empty();
        }
        var request = new LogoutRequest(saml, new LogoutRequestParams(subject.sessionIndex(), subject.nameId(),
                subject.nameIdFormat(), subject.nameQualifier(), subject.spNameQualifier()));
        // java-saml dates the request by the system clock; OpenCPS's clock dates it
        String xml = request.getLogoutRequestXml().replaceFirst("IssueInstant=\"[^\"]*\"",
                "IssueInstant=\"" + Util.formatDateTime(clock.millis()) + "\"");
        try {
            return Optional.of(new Sent(request.getId(), SamlRedirects.signed(saml, saml.getIdpSingleLogoutServiceUrl().toString(),
                    "SAMLRequest", Util.deflatedBase64encoded(xml))));
        } catch (IOException e) {
            throw new IllegalStateException("the logout request could not be encoded", e);
        }
    }

    /** A LogoutResponse that passed the checks: the request it answers and the IdP's status code. */
    public record Answered(String inResponseTo, String status) {
    }

    /** A LogoutResponse that failed a check; the message is for the log. */
    public static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    public Answered response(SamlRow row, Map<String, List<String>> parameters, String queryString) {
        String encoded = first(parameters, "SAMLResponse");
        String signature = first(parameters, "Signature");
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED || signature == null || signature.isBlank()) {
            throw new Rejected("a signed SAML logout response of at most 64 KiB is expected");
        }
        Saml2Settings saml = settings.of(row);
        String endpoint = settings.logoutUrl(row.id());
        LogoutResponse response;
        String inResponseTo;
        String destination;
        Instant issued;
        try {
            response = new LogoutResponse(saml, new HttpRequest(endpoint, parameters, queryString));
            var root = Util.loadXML(response.getLogoutResponseXml()).getDocumentElement();
            inResponseTo = root.getAttribute("InResponseTo");
            destination = root.getAttribute("Destination");
            issued = response.getIssueInstant().toInstant();
        } catch (Exception e) {
            throw new Rejected("the logout response could not be read: " + e.getMessage());
        }
        if (inResponseTo.isBlank() || inResponseTo.length() > 100) {
            throw new Rejected("the logout response answers no request (InResponseTo)");
        }
        if (!endpoint.equals(destination)) {
            throw new Rejected("the logout response is for '" + destination + "', not for " + endpoint);
        }
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(ISSUED_WITHIN)) || issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Rejected("the logout response was issued at " + issued + ", too far from now");
        }
        if (!response.isValid(inResponseTo)) {
            throw new Rejected("the logout response failed its checks: " + response.getError());
        }
        try {
            if (!row.idpEntityId().equals(response.getIssuer())) {
                throw new Rejected("the logout response was issued by '" + response.getIssuer() + "', not by the IdP");
            }
            return new Answered(inResponseTo, response.getStatus());
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new Rejected("the logout response could not be read: " + e.getMessage());
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
