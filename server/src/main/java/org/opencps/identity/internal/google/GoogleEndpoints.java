package org.opencps.identity.internal.google;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's OAuth client for the Google Workspace import (one registered by the operator at Google; each
 * organization's Workspace admin consents to it) and Google's endpoints (set to a stand-in in tests).
 */
@Component
public class GoogleEndpoints {

    public static final String SCOPES = "https://www.googleapis.com/auth/admin.directory.user.readonly "
            + "https://www.googleapis.com/auth/admin.directory.group.readonly";

    private final String clientId;
    private final String clientSecret;
    private final URI authorizeUri;
    private final URI tokenUri;
    private final String directoryBase;

    GoogleEndpoints(@Value("${opencps.sso.google.client-id:}") String clientId,
                    @Value("${opencps.sso.google.client-secret:}") String clientSecret,
                    @Value("${opencps.sso.google.authorize-uri:https://accounts.google.com/o/oauth2/v2/auth}") URI authorizeUri,
                    @Value("${opencps.sso.google.token-uri:https://oauth2.googleapis.com/token}") URI tokenUri,
                    @Value("${opencps.sso.google.directory-uri:https://admin.googleapis.com}") String directoryBase) {
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret.strip();
        this.authorizeUri = authorizeUri;
        this.tokenUri = tokenUri;
        this.directoryBase = directoryBase.endsWith("/") ? directoryBase.substring(0, directoryBase.length() - 1) : directoryBase;
    }

    /** Whether the operator configured the OAuth client; without it nobody can connect. */
    public boolean configured() {
        return !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    public String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    public URI authorizeUri() {
        return authorizeUri;
    }

    URI tokenUri() {
        return tokenUri;
    }

    /** e.g. https://admin.googleapis.com/admin/directory/v1 */
    String directory() {
        return directoryBase + "/admin/directory/v1";
    }
}
