package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each customer organization's OpenID Connect provider (at most one), with the endpoints its discovery document named. */
@Repository
public class OidcProviderStore {

    private final JdbcClient jdbc;

    OidcProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ProviderRow(OrgId orgId, UUID id, String preset, String issuer, String clientId, String sealedSecret,
                              String extraScopes, String emailClaim, String nameClaim, String groupsClaim, String tenant,
                              String authorizationEndpoint, String tokenEndpoint, String jwksUri, Instant discoveredAt,
                              Instant updatedAt, String endSessionEndpoint) {
    }

    public Optional<ProviderRow> find(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_oidc_provider WHERE org_id = ?").param(org.value())
                .query(OidcProviderStore::row).optional();
    }

    /** The provider behind a sign-in link or callback: its id is the only thing the browser brings. */
    public Optional<ProviderRow> findByIdAcrossOrganizations(UUID id) {
        return jdbc.sql("SELECT * FROM identity_oidc_provider WHERE id = ?").param(id)
                .query(OidcProviderStore::row).optional();
    }

    public void save(ProviderRow row) {
        int updated = jdbc.sql("""
                        UPDATE identity_oidc_provider SET preset = ?, issuer = ?, client_id = ?, client_secret_sealed = ?,
                          extra_scopes = ?, email_claim = ?, name_claim = ?, groups_claim = ?, tenant = ?,
                          authorization_endpoint = ?, token_endpoint = ?, jwks_uri = ?, discovered_at = ?, updated_at = ?,
                          end_session_endpoint = ?
                        WHERE org_id = ? AND id = ?""")
                .params(row.preset(), row.issuer(), row.clientId(), row.sealedSecret(), row.extraScopes(), row.emailClaim(),
                        row.nameClaim(), row.groupsClaim(), row.tenant(), row.authorizationEndpoint(), row.tokenEndpoint(),
                        row.jwksUri(), at(row.discoveredAt()), at(row.updatedAt()), row.endSessionEndpoint(), row.orgId().value(),
                        row.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO identity_oidc_provider (org_id, id, preset, issuer, client_id, client_secret_sealed,
                              extra_scopes, email_claim, name_claim, groups_claim, tenant, authorization_endpoint,
                              token_endpoint, jwks_uri, discovered_at, updated_at, end_session_endpoint)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.orgId().value(), row.id(), row.preset(), row.issuer(), row.clientId(), row.sealedSecret(),
                            row.extraScopes(), row.emailClaim(), row.nameClaim(), row.groupsClaim(), row.tenant(),
                            row.authorizationEndpoint(), row.tokenEndpoint(), row.jwksUri(), at(row.discoveredAt()),
                            at(row.updatedAt()), row.endSessionEndpoint())
                    .update();
        }
    }

    public void updateEndpoints(OrgId org, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                                String endSessionEndpoint, Instant at) {
        jdbc.sql("""
                        UPDATE identity_oidc_provider SET authorization_endpoint = ?, token_endpoint = ?, jwks_uri = ?,
                          end_session_endpoint = ?, discovered_at = ? WHERE org_id = ?""")
                .params(authorizationEndpoint, tokenEndpoint, jwksUri, endSessionEndpoint, at(at), org.value()).update();
    }

    public boolean delete(OrgId org) {
        return jdbc.sql("DELETE FROM identity_oidc_provider WHERE org_id = ?").param(org.value()).update() > 0;
    }

    private static ProviderRow row(ResultSet rs, int n) throws SQLException {
        return new ProviderRow(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("preset"),
                rs.getString("issuer"), rs.getString("client_id"), rs.getString("client_secret_sealed"),
                rs.getString("extra_scopes"), rs.getString("email_claim"), rs.getString("name_claim"),
                rs.getString("groups_claim"), rs.getString("tenant"), rs.getString("authorization_endpoint"),
                rs.getString("token_endpoint"), rs.getString("jwks_uri"), Rows.instant(rs, "discovered_at"),
                Rows.instant(rs, "updated_at"), rs.getString("end_session_endpoint"));
    }
}
