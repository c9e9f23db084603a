package org.opencps.identity;

/**
 * Known shapes of OpenID Connect providers. A preset fills in the claims the provider uses and adds its
 * own check: Entra ID's tenant id ({@code tid}), Google Workspace's hosted domain ({@code hd}).
 */
public enum OidcPreset {
    /** Any provider that follows the standard: e-mail, name and groups from the claims configured. */
    GENERIC,
    /** Microsoft Entra ID: issuer https://login.microsoftonline.com/{tenant}/v2.0, groups as object ids. */
    ENTRA_ID,
    /** Google Workspace: issuer https://accounts.google.com, the {@code hd} claim names the Workspace domain. */
    GOOGLE_WORKSPACE
}
