package org.opencps.audit.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail's table: records written, and an organization's records deleted when it is purged. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records what happened now, in a transaction of its own: for a refusal, recorded whatever
     * becomes of the transaction it happened in (see {@code WhateverTheOutcome}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(OrgId org, String type, UserId actor, String subject, String detail, String sourceIp) {
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, occurred_at, type, actor_user_id, subject, detail, source_ip)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), org == null ? null : org.value(), OffsetDateTime.now(clock), type,
                        actor == null ? null : actor.value(), truncate(subject, 300), truncate(detail, 2000), sourceIp)
                .update();
    }

    /**
     * Records what an event delivered after its commit tells, at the time it happened, unless the
     * record of that event is there already (the event was delivered again).
     */
    public void recordOnce(UUID eventId, Instant occurredAt, OrgId org, String type, UserId actor, String subject, String detail, String sourceIp) {
        boolean recorded = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
        if (recorded) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, occurred_at, type, actor_user_id, subject, detail, source_ip, event_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), org == null ? null : org.value(), occurredAt.atOffset(ZoneOffset.UTC), type,
                        actor == null ? null : actor.value(), truncate(subject, 300), truncate(detail, 2000), sourceIp, eventId)
                .update();
    }

    /** The id under which the second record one event makes is kept, to record it once too. */
    public static UUID secondRecordOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("second record of " + eventId).getBytes(StandardCharsets.UTF_8));
    }

    public void deleteOrganization(OrgId org) {
        jdbc.sql("DELETE FROM audit_event WHERE org_id = ?").param(org.value()).update();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
