package org.opencps.reporting.recipients.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of a report recipient, in every mail to it: the recipient's organization
 * and id, signed with a server key. It needs no stored state, so every mail can carry it, and it
 * cannot be forged for another recipient; it only ever unsubscribes.
 */
@Component
public class UnsubscribeTokens {

    private static final String PREFIX = "ru_";
    private static final String PURPOSE = "report-recipient-unsubscribe";

    private final ServerSecrets secrets;

    UnsubscribeTokens(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    public record Holder(OrgId org, UUID recipient) {
    }

    public String tokenFor(OrgId org, UUID recipient) {
        ByteBuffer ids = ByteBuffer.allocate(32);
        ids.putLong(org.value().getMostSignificantBits()).putLong(org.value().getLeastSignificantBits())
                .putLong(recipient.getMostSignificantBits()).putLong(recipient.getLeastSignificantBits());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(ids.array()) + "." + signature(org, recipient);
    }

    /** Whose link this is; empty for anything that is not a link this server signed. */
    public Optional<Holder> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 120) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] ids;
        try {
            ids = Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), dot));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (ids.length != 32) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(ids);
        var org = new OrgId(new UUID(buffer.getLong(), buffer.getLong()));
        var recipient = new UUID(buffer.getLong(), buffer.getLong());
        byte[] expected = signature(org, recipient).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(new Holder(org, recipient)) : Optional.empty();
    }

    private String signature(OrgId org, UUID recipient) {
        return secrets.keyedHash(PURPOSE, org + ":" + recipient);
    }
}
