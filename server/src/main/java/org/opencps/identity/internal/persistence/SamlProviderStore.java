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

/** Each customer organization's SAML 2.0 identity provider (at most one), with OpenCPS's own key for it. */
@Repository
public class SamlProviderStore {

    private final JdbcClient jdbc;

    SamlProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SamlRow(OrgId orgId, UUID id, String idpEntityId, String idpMetadata, String metadataUrl,
                          Instant metadataFetchedAt, boolean wantAssertionsSigned, boolean wantResponseSigned,
                          boolean wantAssertionsEncrypted, String emailAttribute, String nameAttribute, String groupsAttribute,
                          String spCertificate, String spKeySealed, Instant updatedAt) {
    }

    public Optional<SamlRow> find(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_saml_provider WHERE org_id = ?").param(org.value())
                .query(SamlProviderStore::row).optional();
    }

    /** The provider behind a sign-in link, the ACS URL or the SP metadata: its id is all the caller brings. */
    public Optional<SamlRow> findByIdAcrossOrganizations(UUID id) {
        return jdbc.sql("SELECT * FROM identity_saml_provider WHERE id = ?").param(id)
                .query(SamlProviderStore::row).optional();
    }

    public void save(SamlRow row) {
        int updated = jdbc.sql("""
                        UPDATE identity_saml_provider SET idp_entity_id = ?, idp_metadata = ?, metadata_url = ?,
                          metadata_fetched_at = ?, want_assertions_signed = ?, want_response_signed = ?,
                          want_assertions_encrypted = ?, email_attribute = ?, name_attribute = ?, groups_attribute = ?,
                          updated_at = ?
                        WHERE org_id = ? AND id = ?""")
                .params(row.idpEntityId(), row.idpMetadata(), row.metadataUrl(), at(row.metadataFetchedAt()),
                        row.wantAssertionsSigned(), row.wantResponseSigned(), row.wantAssertionsEncrypted(),
                        row.emailAttribute(), row.nameAttribute(), row.groupsAttribute(), at(row.updatedAt()),
                        row.orgId().value(), row.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO identity_saml_provider (org_id, id, idp_entity_id, idp_metadata, metadata_url,
                              metadata_fetched_at, want_assertions_signed, want_response_signed, want_assertions_encrypted,
                              email_attribute, name_attribute, groups_attribute, sp_certificate, sp_key_sealed, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.orgId().value(), row.id(), row.idpEntityId(), row.idpMetadata(), row.metadataUrl(),
                            at(row.metadataFetchedAt()), row.wantAssertionsSigned(), row.wantResponseSigned(),
                            row.wantAssertionsEncrypted(), row.emailAttribute(), row.nameAttribute(), row.groupsAttribute(),
                            row.spCertificate(), row.spKeySealed(), at(row.updatedAt()))
                    .update();
        }
    }

    /** The IdP metadata fetched again from its URL. */
    public void refreshMetadata(UUID id, String idpEntityId, String idpMetadata, Instant at) {
        jdbc.sql("UPDATE identity_saml_provider SET idp_entity_id = ?, idp_metadata = ?, metadata_fetched_at = ? WHERE id = ?")
                .params(idpEntityId, idpMetadata, at(at), id).update();
    }

    public boolean delete(OrgId org) {
        return jdbc.sql("DELETE FROM identity_saml_provider WHERE org_id = ?").param(org.value()).update() > 0;
    }

    private static SamlRow row(ResultSet rs, int n) throws SQLException {
        return new SamlRow(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("idp_entity_id"),
                rs.getString("idp_metadata"), rs.getString("metadata_url"), Rows.instant(rs, "metadata_fetched_at"),
                rs.getBoolean("want_assertions_signed"), rs.getBoolean("want_response_signed"),
                rs.getBoolean("want_assertions_encrypted"), rs.getString("email_attribute"), rs.getString("name_attribute"),
                rs.getString("groups_attribute"), rs.getString("sp_certificate"), rs.getString("sp_key_sealed"),
                Rows.instant(rs, "updated_at"));
    }
}
