package org.opencps.identity.internal.sso;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses the server fetches an identity provider's documents from. A customer admin types the issuer,
 * so without this rule the server could be made to fetch from its own network (metadata services, admin ports):
 * only https to public addresses, unless the operator allows private ones ({@code opencps.sso.allow-private-providers},
 * for a provider inside the company network, and for tests).
 */
@Component
public class ProviderAddresses {

    private final boolean allowPrivate;

    ProviderAddresses(@Value("${opencps.sso.allow-private-providers:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public URI require(String field, String url) {
        URI uri = requireAllowingQuery(field, url);
        if (uri.getRawQuery() != null) {
            throw new InvalidInputException(field, "problem.sso.urlParts", "the URL may not carry a query, fragment or user name");
        }
        return uri;
    }

    /** As {@link #require}, but the URL may carry a query (Entra ID's SAML metadata URL names the application in one). */
    public URI requireAllowingQuery(String field, String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.sso.notUrl", "'" + url + "' is not a URL", String.valueOf(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
            throw new InvalidInputException(field, "problem.sso.https", "the identity provider must be reached over https (an https:// URL with a host)");
        }
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, "problem.sso.urlParts", "the URL may not carry a query, fragment or user name");
        }
        if (!allowPrivate) {
            requirePublic(field, uri.getHost());
        }
        return uri;
    }

    private static void requirePublic(String field, String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(field, "problem.sso.hostUnknown", "the host " + host + " is not known", host);
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                throw new InvalidInputException(field, "problem.sso.hostPrivate", "the host " + host + " is in a private network; the operator can allow "
                        + "private identity providers with opencps.sso.allow-private-providers", host);
            }
        }
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
