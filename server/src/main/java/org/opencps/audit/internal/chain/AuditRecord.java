package org.opencps.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One audit record as its chain sees it, and its hash.
 *
 * <p>The canonical form hashed (version 1) is the UTF-8 bytes of {@code "opencps-audit-1;"}
 * followed by these fields in this order, each written as {@code <n>:<value>;} where {@code n} is
 * the number of UTF-8 bytes of the value, or as {@code -;} when the field is empty (null):
 * prev_hash, seq, org_id, id, event_id, occurred_at (UTC, {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ},
 * microseconds), type, actor_user_id, subject, detail, source_ip, user_agent, outcome. UUIDs are
 * in their lower-case 36-character form, seq in decimal. {@code hash} is the lower-case hex
 * SHA-256 of those bytes. The length prefixes make the encoding unambiguous: no two different
 * records have the same bytes.
 */
public record AuditRecord(UUID id, UUID orgId, long seq, Instant occurredAt, String type, UUID actor, String subject,
                          String detail, String sourceIp, String userAgent, String outcome, UUID eventId,
                          String prevHash, String hash) {

    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Timestamps are kept to the microsecond, which both databases store exactly. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash this record's content and previous hash give. */
    public String computedHash() {
        return hashOf(canonicalForm());
    }

    /** This record with its place in the chain: its seq, the previous hash and its own hash. */
    public AuditRecord chainedAfter(long previousSeq, String previousHash) {
        var placed = new AuditRecord(id, orgId, previousSeq + 1, occurredAt, type, actor, subject, detail, sourceIp,
                userAgent, outcome, eventId, previousHash, null);
        return new AuditRecord(id, orgId, placed.seq, occurredAt, type, actor, subject, detail, sourceIp, userAgent,
                outcome, eventId, previousHash, placed.computedHash());
    }

    String canonicalForm() {
        var out = new StringBuilder("opencps-audit-1;");
        field(out, prevHash);
        field(out, Long.toString(seq));
        field(out, orgId);
        field(out, id);
        field(out, eventId);
        field(out, occurredAt == null ? null : MICROS.format(occurredAt));
        field(out, type);
        field(out, actor);
        field(out, subject);
        field(out, detail);
        field(out, sourceIp);
        field(out, userAgent);
        field(out, outcome);
        return out.toString();
    }

    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            out.append("-;");
            return;
        }
        String text = value.toString();
        out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text).append(';');
    }

    static String hashOf(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
