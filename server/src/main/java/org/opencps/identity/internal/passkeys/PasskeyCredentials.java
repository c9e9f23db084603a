package org.opencps.identity.internal.passkeys;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.identity.internal.persistence.PasskeyStore;
import org.opencps.identity.internal.persistence.PasskeyStore.PasskeyRow;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of the passkeys in {@link PasskeyStore}. Its relying party saves a record when a passkey is
 * registered (a new row, named by the record's label) and again after each verified use (the new signature counter);
 * the times come from the injected clock, not from the record.
 */
@Component
public class PasskeyCredentials implements UserCredentialRepository {

    private final PasskeyStore store;
    private final Clock clock;

    PasskeyCredentials(PasskeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.byCredentialId(credentialId.toBase64UrlString()).map(PasskeyCredentials::record).orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userHandle) {
        return store.of(PasskeyUsers.userOf(userHandle)).stream().map(PasskeyCredentials::record).toList();
    }

    /**
     * Spring's relying party checks the counter only against the one the passkey was registered with, so the
     * stored counter is checked here: a use whose counter did not advance is refused.
     */
    @Override
    public void save(CredentialRecord record) {
        String credentialId = record.getCredentialId().toBase64UrlString();
        switch (store.used(credentialId, record.getSignatureCount(), clock.instant())) {
            case RECORDED -> {
                return;
            }
            case COUNTER_NOT_ADVANCED -> throw new CounterNotAdvanced(record.getSignatureCount());
            case UNKNOWN -> { }
        }
        store.insert(new PasskeyRow(UUID.randomUUID(), PasskeyUsers.userOf(record.getUserEntityUserId()), record.getLabel(),
                credentialId, new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(), record.getSignatureCount(),
                record.isUvInitialized(), record.isBackupEligible(), record.isBackupState(),
                record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")),
                record.getAttestationObject().toBase64UrlString(), record.getAttestationClientDataJSON().toBase64UrlString(),
                clock.instant(), null));
    }

    /** A passkey answered with a signature counter not above the stored one: a copy of the key may be in use. */
    public static final class CounterNotAdvanced extends RuntimeException {

        CounterNotAdvanced(long counter) {
            super("signature counter " + counter + " did not advance past the stored one (a cloned authenticator?)");
        }
    }

    /** Never called by the relying party; a passkey is removed by its owner ({@code Passkeys#remove}). */
    @Override
    public void delete(Bytes credentialId) {
        throw new UnsupportedOperationException("a passkey is removed by its owner, by its id");
    }

    static CredentialRecord record(PasskeyRow row) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(row.credentialId()))
                .userEntityUserId(PasskeyUsers.handleOf(row.user()))
                .publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(row.publicKeyCose()).getBytes()))
                .signatureCount(row.signatureCount())
                .uvInitialized(row.uvInitialized())
                .backupEligible(row.backupEligible())
                .backupState(row.backupState())
                .transports(Arrays.stream(row.transports().split(",")).filter(t -> !t.isEmpty())
                        .map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()))
                .attestationObject(Bytes.fromBase64(row.attestationObject()))
                .attestationClientDataJSON(Bytes.fromBase64(row.clientDataJson()))
                .label(row.name())
                .created(row.createdAt())
                .lastUsed(row.lastUsedAt() == null ? row.createdAt() : row.lastUsedAt())
                .build();
    }
}
