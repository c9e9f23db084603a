package org.opencps.identity.internal.passkeys;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.UserId;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user entity of a person: its user handle is the 16 bytes of their (random) user id, so no table of
 * handles is needed; the name shown by the authenticator is their e-mail address. Looked up by the user id as text
 * (the name of OpenCPS's authentication).
 */
@Component
public class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final UserStore users;

    PasskeyUsers(UserStore users) {
        this.users = users;
    }

    public PublicKeyCredentialUserEntity of(UserId user) {
        var person = users.find(user).orElseThrow();
        return ImmutablePublicKeyCredentialUserEntity.builder().id(handleOf(user)).name(person.email())
                .displayName(person.displayName()).build();
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes handle) {
        if (handle.getBytes().length != 16) {
            return null;
        }
        UserId user = userOf(handle);
        return users.find(user).isPresent() ? of(user) : null;
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String userId) {
        UserId user = UserId.parse(userId);
        return users.find(user).isPresent() ? of(user) : null;
    }

    /** Handles are derived from the user id ({@link #of}), never stored. */
    @Override
    public void save(PublicKeyCredentialUserEntity entity) {
        throw new UnsupportedOperationException("a person's user handle is derived from their id");
    }

    @Override
    public void delete(Bytes handle) {
        throw new UnsupportedOperationException("a person's user handle is derived from their id");
    }

    static Bytes handleOf(UserId user) {
        UUID id = user.value();
        return new Bytes(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }

    static UserId userOf(Bytes handle) {
        var buffer = ByteBuffer.wrap(handle.getBytes());
        return UserId.of(new UUID(buffer.getLong(), buffer.getLong()));
    }
}
