package org.opencps.devices.internal.persistence;

import org.opencps.devices.SecuritySettings;
import org.opencps.platform.ids.OrgId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** One row per organization with devices: its security baseline, and the lock registrations take. */
@Repository
public class DevicesOrgStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    DevicesOrgStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public SecuritySettings baseline(OrgId org) {
        return jdbc.sql("""
                        SELECT admin_password_changed, storage_encryption, data_overwrite, firmware_verification, tls_only
                        FROM devices_org WHERE org_id = ?""")
                .param(org.value())
                .query((rs, n) -> new SecuritySettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .optional().orElse(SecuritySettings.NOTHING_REQUIRED);
    }

    public void saveBaseline(OrgId org, SecuritySettings baseline) {
        ensureRow(org);
        jdbc.sql("""
                        UPDATE devices_org SET admin_password_changed = ?, storage_encryption = ?, data_overwrite = ?,
                          firmware_verification = ?, tls_only = ?
                        WHERE org_id = ?""")
                .params(baseline.adminPasswordChanged(), baseline.storageEncryption(), baseline.dataOverwrite(),
                        baseline.firmwareVerification(), baseline.tlsOnly(), org.value())
                .update();
    }

    /** Locks the organization's row until the transaction ends: registrations in it go one at a time. */
    public void lock(OrgId org) {
        ensureRow(org);
        jdbc.sql("SELECT org_id FROM devices_org WHERE org_id = ? FOR UPDATE").param(org.value()).query().listOfRows();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_org WHERE org_id = ?").param(org.value()).update();
    }

    private void ensureRow(OrgId org) {
        if (jdbc.sql("SELECT COUNT(*) FROM devices_org WHERE org_id = ?").param(org.value()).query(Long.class).single() > 0) {
            return;
        }
        // in a transaction of its own: on PostgreSQL a duplicate key would spoil the caller's transaction
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO devices_org (org_id, admin_password_changed, storage_encryption, data_overwrite,
                              firmware_verification, tls_only) VALUES (?, FALSE, FALSE, FALSE, FALSE, FALSE)""")
                    .param(org.value()).update());
        } catch (DuplicateKeyException createdMeanwhile) {
            // another registration made it first: the row is there, which is all that is needed
        }
    }
}
