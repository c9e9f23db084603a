package org.opencps.documents.internal;

import java.io.IOException;
import org.opencps.documents.internal.blob.BlobStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Crypto-shredding: the organization's keyset row goes in the purge's transaction, which makes
 * every one of its documents unreadable wherever a copy may be; the blobs themselves are deleted
 * once the purge has committed (a blob missed here is an orphan for the sweep, and unreadable).
 * Runs last, after the modules that hold documents.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DocumentsPurge implements OrganizationPurgeParticipant {

    private static final Logger log = LoggerFactory.getLogger(DocumentsPurge.class);

    private final OrgKeys keys;
    private final BlobStore blobs;

    DocumentsPurge(OrgKeys keys, BlobStore blobs) {
        this.keys = keys;
        this.blobs = blobs;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        keys.destroy(org);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteBlobs(org);
                }
            });
        } else {
            deleteBlobs(org);
        }
    }

    private void deleteBlobs(OrgId org) {
        try {
            blobs.deleteAll(org);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete every document of purged organization {}; its keys are gone, the sweep removes the rest", org, e);
        }
    }
}
