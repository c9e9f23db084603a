package org.opencps.audit.internal.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opencps.audit.internal.chain.AuditRecord;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's writer: each record is appended to its organization's hash chain while the
 * chain's head is locked, so writers in several server processes append one after another.
 */
@Repository
public class AuditLog {

    private final ChainStore chains;
    private final Clock clock;

    AuditLog(ChainStore chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    /**
     * Records what happened now, in a transaction of its own: for a refusal, recorded whatever
     * becomes of the transaction it happened in (see {@code WhateverTheOutcome}). Such records are
     * made on the thread of the request they happened in, so its origin is the request's (the
     * {@code sourceIp} given wins: it is the one the decision was made on).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(OrgId org, String type, UserId actor, String subject, String detail, String sourceIp) {
        RequestOrigin origin = RequestOrigin.current();
        append(null, clock.instant(), org, type, actor, subject, detail,
                sourceIp != null ? sourceIp : RequestOrigin.sourceIpOf(origin), RequestOrigin.userAgentOf(origin));
    }

    /**
     * Records what an event delivered after its commit tells, at the time it happened, unless the
     * record of that event is there already (the event was delivered again).
     */
    @Transactional
    public void recordOnce(UUID eventId, Instant occurredAt, OrgId org, String type, UserId actor, String subject, String detail,
                           RequestOrigin origin) {
        recordOnce(eventId, occurredAt, org, type, actor, subject, detail, null, origin);
    }

    /** As above, for an event that names the source address itself ({@code sourceIp} wins over the origin's). */
    @Transactional
    public void recordOnce(UUID eventId, Instant occurredAt, OrgId org, String type, UserId actor, String subject, String detail,
                           String sourceIp, RequestOrigin origin) {
        append(eventId, occurredAt, org, type, actor, subject, detail,
                sourceIp != null ? sourceIp : RequestOrigin.sourceIpOf(origin), RequestOrigin.userAgentOf(origin));
    }

    /** The id under which the second record one event makes is kept, to record it once too. */
    public static UUID secondRecordOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("second record of " + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** Records, in the caller's transaction, a change the audit module itself makes (it commits with it). */
    @Transactional
    public void recordNow(OrgId org, String type, UserId actor, String subject, String detail) {
        RequestOrigin origin = RequestOrigin.current();
        append(null, clock.instant(), org, type, actor, subject, detail, RequestOrigin.sourceIpOf(origin),
                RequestOrigin.userAgentOf(origin));
    }

    /** Hashes the chain's records written before the trail was chained, if any are left. */
    @Transactional
    public void hashRecordsWrittenBeforeChaining(UUID chain) {
        ChainStore.Head head = chains.lockHead(chain);
        if (head.hash() == null) {
            chains.chainRecordsWrittenBeforeHashing(chain, head.seq());
        }
    }

    /** A purged organization's chain goes with it: its records, head, seals and anchor. */
    @Transactional
    public void deleteOrganization(OrgId org) {
        chains.deleteChain(org.value());
    }

    private void append(UUID eventId, Instant occurredAt, OrgId org, String type, UserId actor, String subject,
                        String detail, String sourceIp, String userAgent) {
        UUID chain = ChainStore.chainIdOf(org == null ? null : org.value());
        ChainStore.Head head = chains.lockHead(chain);
        // checked under the lock: two deliveries of one event at once still make one record
        if (eventId != null && chains.hasRecordOf(eventId)) {
            return;
        }
        if (head.hash() == null) {
            head = chains.chainRecordsWrittenBeforeHashing(chain, head.seq());
        }
        var record = new AuditRecord(UUID.randomUUID(), org == null ? null : org.value(), 0,
                AuditRecord.storable(occurredAt), type, actor == null ? null : actor.value(), truncate(subject, 300),
                truncate(detail, 2000), truncate(sourceIp, 64), truncate(userAgent, 300), outcomeOf(type), eventId, null,
                null).chainedAfter(head.seq(), head.hash());
        chains.insert(record);
        chains.moveHead(chain, record.seq(), record.hash());
    }

    /** Refusals, failures, lockouts and throttling are failures; everything else something done. */
    static String outcomeOf(String type) {
        for (String failed : new String[] {"FAILED", "REFUSED", "LOCKED", "THROTTLED", "MISUSE", "NOT_ALLOWED"}) {
            if (type.endsWith(failed)) {
                return "FAILURE";
            }
        }
        return "SUCCESS";
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
