package org.opencps.identity.internal.saml;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.exception.ValidationError;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPathExpressionException;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.opencps.identity.internal.persistence.SsoReplayStore;
import org.springframework.stereotype.Component;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an identity provider's SAML response at the ACS: java-saml's strict validation (schema, status, exactly one
 * assertion, signed elements that are the ones read, signatures by the IdP's certificate, destination, audience,
 * recipient, issuer, decryption with any SP key in use), then what OpenCPS adds: the time window on the injected
 * clock, the response must answer a request OpenCPS sent for this very provider from the very browser that posts it
 * (once), and the assertion id is used once across all server processes (kept until the assertion expires).
 */
@Component
public class SamlResponses {

    /**
     * What the checked assertion said; the name id is its subject, bound to the account with the IdP's entity id;
     * {@code contextClasses} the AuthnContextClassRef values of its authentication statements. The NameID's format and
     * qualifiers (null when absent) and the session index are what a logout request to the IdP names later.
     */
    public record Checked(String issuer, String nameId, String sessionIndex, Map<String, List<String>> attributes,
                          List<String> contextClasses, String nameIdFormat, String nameQualifier, String spNameQualifier) {
    }

    /** A response that failed a check; the message is for the log, never for the person. */
    public static class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    /** A response posted by a browser that did not start the sign-in it answers (or an answered or expired one). */
    public static final class NotThisBrowser extends Rejected {
        NotThisBrowser(String message) {
            super(message);
        }
    }

    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int MAX_ENCODED = 1024 * 1024;

    private final SsoReplayStore replay;
    private final Clock clock;

    SamlResponses(SsoReplayStore replay, Clock clock) {
        this.replay = replay;
        this.clock = clock;
    }

    /**
     * {@code decrypting}: the provider's settings, one per SP key that decrypts now (two during a key rotation).
     * {@code browserBinding}: the value of the binding cookie the posting browser brought (null when none).
     */
    public Checked check(SamlRow row, List<Saml2Settings> decrypting, String acsUrl, String encoded, String browserBinding) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED) {
            throw new Rejected("no SAMLResponse, or one larger than 1 MiB");
        }
        if (!BrowserBinding.wellFormed(browserBinding)) {
            throw new NotThisBrowser("the browser brought no sign-in binding cookie: the sign-in was not started in this browser");
        }
        Instant now = clock.instant();
        ClockedResponse response = valid(decrypting, acsUrl, encoded, now);
        String inResponseTo = response.inResponseTo();
        try {
            Instant expires = response.checkTimeWindow();
            String nameId = response.getNameId();
            if (nameId == null || nameId.isBlank() || nameId.length() > 255) {
                throw new Rejected("the assertion has no usable NameID");
            }
            if (Constants.NAMEID_TRANSIENT.equals(response.getNameIdFormat())) {
                throw new Rejected("the NameID is transient: it changes at every sign-in and cannot be bound to an account");
            }
            if (!replay.answer(inResponseTo, row.id(), BrowserBinding.hash(browserBinding), now)) {
                throw new NotThisBrowser("the response answers no pending request of this provider started in this browser"
                        + " (unsolicited, started in another browser, already answered or expired)");
            }
            String assertionId = response.getAssertionId();
            if (assertionId == null || assertionId.isBlank() || assertionId.length() > 255
                    || !replay.firstUse("saml-assertion", row.idpEntityId(), assertionId, expires, now)) {
                throw new Rejected("the assertion " + assertionId + " was used before (replay)");
            }
            Map<String, String> nameIdData = response.getNameIdData();
            return new Checked(row.idpEntityId(), nameId, response.getSessionIndex(), response.getAttributes(),
                    response.contextClasses(), nameIdData.get("Format"), nameIdData.get("NameQualifier"),
                    nameIdData.get("SPNameQualifier"));
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("the assertion could not be read: " + e.getMessage());
        }
    }

    /** The response read with the first SP key it is valid with (an encrypted assertion decrypts with one only). */
    private static ClockedResponse valid(List<Saml2Settings> decrypting, String acsUrl, String encoded, Instant now) {
        Rejected first = null;
        for (Saml2Settings settings : decrypting) {
            try {
                var response = new ClockedResponse(settings, acsUrl, encoded, now);
                String inResponseTo = response.inResponseTo();
                if (inResponseTo == null || inResponseTo.isBlank()) {
                    throw new Rejected("unsolicited response (no InResponseTo): OpenCPS only accepts answers to its own requests");
                }
                if (response.isValid(inResponseTo)) {
                    return response;
                }
                first = first != null ? first : new Rejected("invalid response: " + response.getError());
            } catch (Rejected e) {
                throw e;
            } catch (Exception e) {
                first = first != null ? first : new Rejected("the SAMLResponse could not be read: " + e.getMessage());
            }
        }
        throw first;
    }

    /**
     * java-saml checks the assertion's time against the system clock (joda-time); this subclass checks the
     * Conditions on OpenCPS's clock instead, and the subject confirmation's NotOnOrAfter as well.
     */
    private static final class ClockedResponse extends SamlResponse {

        private final Instant now;

        ClockedResponse(Saml2Settings settings, String acsUrl, String encoded, Instant now) throws Exception {
            super(settings, acsUrl, encoded);
            this.now = now;
        }

        /** How the IdP authenticated the person, from the checked assertion's AuthnStatements. */
        List<String> contextClasses() throws XPathExpressionException {
            NodeList refs = queryAssertion("/saml:AuthnStatement/saml:AuthnContext/saml:AuthnContextClassRef");
            List<String> classes = new java.util.ArrayList<>();
            for (int i = 0; i < refs.getLength(); i++) {
                classes.add(refs.item(i).getTextContent().strip());
            }
            return classes;
        }

        String inResponseTo() {
            var root = getSAMLResponseDocument().getDocumentElement();
            return root.hasAttribute("InResponseTo") ? root.getAttribute("InResponseTo") : null;
        }

        @Override
        public boolean validateTimestamps() throws ValidationError {
            try {
                conditionsWindow();
                return true;
            } catch (XPathExpressionException e) {
                throw new ValidationError("the Conditions could not be read", ValidationError.ASSERTION_EXPIRED);
            }
        }

        private Instant conditionsWindow() throws XPathExpressionException, ValidationError {
            Instant latest = null;
            NodeList conditions = queryAssertion("/saml:Conditions");
            for (int i = 0; i < conditions.getLength(); i++) {
                Node notBefore = conditions.item(i).getAttributes().getNamedItem("NotBefore");
                Node notOnOrAfter = conditions.item(i).getAttributes().getNamedItem("NotOnOrAfter");
                if (notBefore != null && at(notBefore).minus(CLOCK_SKEW).isAfter(now)) {
                    throw new ValidationError("the assertion is not valid yet", ValidationError.ASSERTION_TOO_EARLY);
                }
                if (notOnOrAfter != null) {
                    Instant end = at(notOnOrAfter);
                    if (!end.plus(CLOCK_SKEW).isAfter(now)) {
                        throw new ValidationError("the assertion expired at " + end, ValidationError.ASSERTION_EXPIRED);
                    }
                    latest = end;
                }
            }
            return latest;
        }

        /** The whole window on OpenCPS's clock; answers when the assertion expires, for the replay guard. */
        Instant checkTimeWindow() throws XPathExpressionException, ValidationError {
            List<Instant> ends = new ArrayList<>();
            Instant conditionsEnd = conditionsWindow();
            if (conditionsEnd != null) {
                ends.add(conditionsEnd);
            }
            for (var end : getAssertionNotOnOrAfter()) {
                Instant instant = Instant.ofEpochMilli(end.getMillis());
                if (!instant.plus(CLOCK_SKEW).isAfter(now)) {
                    throw new Rejected("the subject confirmation expired at " + instant);
                }
                ends.add(instant);
            }
            // java-saml requires a NotOnOrAfter on the subject confirmation, so there is always an end
            return ends.stream().max(Instant::compareTo).orElseThrow().plus(CLOCK_SKEW);
        }

        private static Instant at(Node attribute) {
            return Instant.ofEpochMilli(Util.parseDateTime(attribute.getNodeValue()).getMillis());
        }
    }
}
