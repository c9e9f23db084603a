package org.opencps.identity.internal.persistence;

import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every identity row that belongs to one organization, deleted together when it is purged. */
@Repository
public class OrganizationRows {

    /** Children before parents: group members before groups, memberships last. */
    private static final String[] TABLES = {"identity_api_token", "identity_card", "identity_pin",
            "identity_group_member", "identity_sso_group", "identity_scim_group", "identity_group", "identity_scim_user",
            "identity_scim_token", "identity_sso_logout", "identity_oidc_provider", "identity_saml_sp_key_rotation", "identity_saml_provider", "identity_sso_domain",
            "identity_domain_claim", "identity_domain_token", "identity_google_directory",
            "identity_google_connect", "identity_google_import", "identity_google_user",
            "identity_sign_in_policy", "identity_second_factor_policy", "identity_invitation", "identity_external_identity",
            "identity_membership"};

    private final JdbcClient jdbc;

    OrganizationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteAll(OrgId org) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ?").param(org.value()).update();
        }
    }
}
