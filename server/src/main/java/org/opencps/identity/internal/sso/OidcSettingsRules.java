package org.opencps.identity.internal.sso;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.platform.errors.InvalidInputException;

/**
 * Checks and completes what an admin typed for an OpenID Connect provider: the presets set the issuer and the
 * claims of their provider; every field gets a specific message when wrong.
 */
public final class OidcSettingsRules {

    public static final String ENTRA_ISSUER = "https://login.microsoftonline.com/%s/v2.0";
    public static final String GOOGLE_ISSUER = "https://accounts.google.com";

    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:./-]{1,100}");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** The settings as they are stored: blanks removed, preset values filled in. */
    public record Clean(OidcPreset preset, String issuer, String clientId, String clientSecret, String extraScopes,
                        String emailClaim, String nameClaim, String groupsClaim, String tenant, List<String> domains) {
    }

    private OidcSettingsRules() {
    }

    public static Clean check(OidcProviderSettings s, boolean secretStored) {
        OidcPreset preset = s.preset() == null ? OidcPreset.GENERIC : s.preset();
        String tenant = blankToNull(s.tenant());
        String issuer = blankToNull(s.issuer());
        String groupsClaim = blankToNull(s.groupsClaim());
        switch (preset) {
            case ENTRA_ID -> {
                if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
                    throw new InvalidInputException("tenant", "problem.sso.entraTenant", "Entra ID needs the directory (tenant) id, a GUID such as "
                            + "72f988bf-86f1-41af-91ab-2d7cd011db47");
                }
                tenant = tenant.toLowerCase(Locale.ROOT);
                issuer = ENTRA_ISSUER.formatted(tenant);
                groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
            }
            case GOOGLE_WORKSPACE -> {
                tenant = tenant == null ? null : tenant.toLowerCase(Locale.ROOT);
                if (tenant == null || !DOMAIN.matcher(tenant).matches()) {
                    throw new InvalidInputException("tenant", "problem.sso.googleDomain", "Google Workspace needs its primary domain, such as example.com");
                }
                issuer = GOOGLE_ISSUER;
            }
            case GENERIC -> {
                tenant = null;
                if (issuer == null || issuer.length() > 500) {
                    throw new InvalidInputException("issuer", "problem.sso.issuerRequired", "the issuer URL is required (at most 500 characters)");
                }
            }
        }
        String clientId = blankToNull(s.clientId());
        if (clientId == null || clientId.length() > 255) {
            throw new InvalidInputException("clientId", "problem.sso.clientIdRequired", "the client id is required (at most 255 characters)");
        }
        String secret = blankToNull(s.clientSecret());
        if (secret == null && !secretStored) {
            throw new InvalidInputException("clientSecret", "problem.sso.clientSecretRequired", "the client secret is required");
        }
        if (secret != null && secret.length() > 1000) {
            throw new InvalidInputException("clientSecret", "problem.sso.clientSecretLength", "the client secret has at most 1000 characters");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : s.extraScopes() == null ? List.<String>of() : s.extraScopes()) {
            for (String one : scope.strip().split("\\s+")) {
                if (one.isEmpty() || one.equals("openid") || one.equals("email") || one.equals("profile")) {
                    continue;
                }
                if (!SCOPE.matcher(one).matches()) {
                    throw new InvalidInputException("extraScopes", "problem.sso.scope", "'" + one + "' is not a valid scope", one);
                }
                scopes.add(one);
            }
        }
        if (scopes.size() > 20) {
            throw new InvalidInputException("extraScopes", "problem.sso.scopeCount", "at most 20 extra scopes");
        }
        String email = claim("emailClaim", s.emailClaim(), "email");
        String name = claim("nameClaim", s.nameClaim(), "name");
        String groups = groupsClaim == null ? null : claim("groupsClaim", groupsClaim, null);
        return new Clean(preset, issuer, clientId, secret, String.join(" ", scopes), email, name, groups, tenant,
                domains(s.emailDomains()));
    }

    /** Whether {@code domain} (lower case) is a DNS domain name with a top-level label. */
    public static boolean isDomain(String domain) {
        return DOMAIN.matcher(domain).matches();
    }

    public static List<String> domains(List<String> typed) {
        List<String> domains = new ArrayList<>();
        for (String domain : typed == null ? List.<String>of() : typed) {
            for (String one : domain.strip().toLowerCase(Locale.ROOT).split("[\\s,]+")) {
                if (one.isEmpty() || domains.contains(one)) {
                    continue;
                }
                if (!DOMAIN.matcher(one).matches()) {
                    throw new InvalidInputException("emailDomains", "problem.sso.domain", "'" + one + "' is not a domain name", one);
                }
                domains.add(one);
            }
        }
        if (domains.isEmpty()) {
            throw new InvalidInputException("emailDomains", "problem.sso.domainRequired", "name at least one e-mail domain whose people this provider signs in");
        }
        if (domains.size() > 50) {
            throw new InvalidInputException("emailDomains", "problem.sso.domainCount", "at most 50 e-mail domains");
        }
        return domains;
    }

    private static String claim(String field, String value, String fallback) {
        String clean = blankToNull(value);
        if (clean == null) {
            clean = fallback;
        }
        if (clean == null || !CLAIM.matcher(clean).matches()) {
            throw new InvalidInputException(field, "problem.sso.claimName", "a claim name has 1 to 100 letters, digits or _ : . / -");
        }
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
