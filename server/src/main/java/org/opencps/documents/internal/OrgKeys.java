package org.opencps.documents.internal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencps.documents.DocumentKeyset;
import org.opencps.documents.internal.persistence.KeysetStore;
import org.opencps.documents.internal.persistence.KeysetStore.Row;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.MasterKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Each organization's streaming-AEAD keyset (AES-256-GCM-HKDF, 1 MiB segments), wrapped by the
 * master key with the organization's id as associated data, so a keyset row moved to another
 * organization does not open. The unwrapped primitive is cached per wrapped text: a rotation by
 * another process changes the text, so it is noticed at the next use.
 */
@Component
public class OrgKeys {

    static final String TEMPLATE = "AES256_GCM_HKDF_1MB";

    private record Cached(String wrapped, StreamingAead aead) {
    }

    private final KeysetStore store;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Map<OrgId, Cached> cache = new ConcurrentHashMap<>();

    OrgKeys(KeysetStore store, MasterKey masterKey, Clock clock) {
        this.store = store;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** For encrypting: the organization's keyset, created on first use. */
    public StreamingAead forWriting(OrgId org) {
        Row row = store.find(org).orElseGet(() -> create(org));
        return primitive(row);
    }

    /** For decrypting: empty once the organization's keys are destroyed. */
    public Optional<StreamingAead> forReading(OrgId org) {
        return store.find(org).map(this::primitive);
    }

    public Optional<DocumentKeyset> describe(OrgId org) {
        return store.find(org).map(OrgKeys::describe);
    }

    /** Adds a new primary key; the old ones stay to decrypt older documents. Call in a transaction. */
    public DocumentKeyset rotate(OrgId org) {
        Row row = store.findForUpdate(org).orElse(null);
        if (row == null) {
            return describe(create(org));
        }
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(unwrap(row))
                    .addEntry(KeysetHandle.generateEntryFromParametersName(TEMPLATE).withRandomId().makePrimary())
                    .build();
            Row updated = new Row(org, wrap(org, rotated), rotated.getPrimary().getId(), rotated.size(),
                    row.createdAt(), clock.instant());
            store.update(updated);
            cache.remove(org);
            return describe(updated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the document keys of " + org, e);
        }
    }

    public void destroy(OrgId org) {
        store.delete(org);
        cache.remove(org);
    }

    private Row create(OrgId org) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(com.google.crypto.tink.KeyTemplates.get(TEMPLATE));
            Instant now = clock.instant();
            Row row = new Row(org, wrap(org, handle), handle.getPrimary().getId(), handle.size(), now, now);
            store.insert(row);
            return row;
        } catch (DuplicateKeyException anotherProcessWasFirst) {
            return store.find(org).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create document keys for " + org, e);
        }
    }

    private StreamingAead primitive(Row row) {
        Cached cached = cache.get(row.org());
        if (cached != null && cached.wrapped().equals(row.wrapped())) {
            return cached.aead();
        }
        try {
            StreamingAead aead = unwrap(row).getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            cache.put(row.org(), new Cached(row.wrapped(), aead));
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the document keys of " + row.org() + " cannot be unwrapped", e);
        }
    }

    private KeysetHandle unwrap(Row row) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(row.wrapped(), masterKey.keysetWrapper(), context(row.org()));
    }

    private String wrap(OrgId org, KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKey.keysetWrapper(), context(org));
    }

    private static byte[] context(OrgId org) {
        return ("opencps documents keyset " + org).getBytes(StandardCharsets.UTF_8);
    }

    private static DocumentKeyset describe(Row row) {
        return new DocumentKeyset(row.primaryKeyId(), row.keyCount(), row.createdAt(), row.rotatedAt());
    }
}
