package org.opencps.reporting.recipients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.Users;
import org.opencps.platform.changes.SettingChanged;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.recipients.internal.RecipientMails;
import org.opencps.reporting.recipients.internal.UnsubscribeTokens;
import org.opencps.reporting.recipients.internal.persistence.RecipientStore;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report recipients (PRODUCT.md §2): addresses that are not users, added by those who schedule
 * reports. Double opt-in: a recipient gets reports only after confirming the link mailed to it
 * (single use, valid {@link #CONFIRMATION_VALIDITY}); every mail to it carries an unsubscribe link
 * that works without a login. A recipient has no login and can do nothing else.
 */
@Service
public class ReportRecipients {

    public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);
    static final String CONFIRM_PREFIX = "rc_";
    private static final int MAX_ADDRESS = 254;

    private final AccessPolicy policy;
    private final RecipientStore store;
    private final RecipientMails mails;
    private final UnsubscribeTokens unsubscribeTokens;
    private final Organizations organizations;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportRecipients(AccessPolicy policy, RecipientStore store, RecipientMails mails, UnsubscribeTokens unsubscribeTokens,
                     Organizations organizations, Users users, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.mails = mails;
        this.unsubscribeTokens = unsubscribeTokens;
        this.organizations = organizations;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an address and mails it the confirmation link; it receives nothing before it confirms. */
    @Transactional
    public ReportRecipient add(Actor actor, OrgId org, String email, String language) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        String address = normalize(email);
        String lang = RecipientLanguages.validate("language", language);
        Instant now = clock.instant();
        String token = Tokens.newToken(CONFIRM_PREFIX);
        var recipient = new ReportRecipient(org, UUID.randomUUID(), address, lang, ReportRecipient.Status.PENDING, now, null, null);
        Instant expiresAt = now.plus(CONFIRMATION_VALIDITY);
        try {
            store.insert(recipient, actor.userId(), Tokens.hash(token), expiresAt);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "problem.recipient.exists", address + " is already a report recipient of this organization", address);
        }
        String organization = organizations.find(org).map(Organization::name).orElseThrow();
        String addedBy = users.displayNameOf(org, actor.userId()).orElse(organization);
        mails.sendConfirmation(recipient, token, expiresAt, organization, addedBy);
        changed(actor, "REPORT_RECIPIENT_ADDED", null, recipient);
        return recipient;
    }

    public List<ReportRecipient> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        return store.all(org);
    }

    @Transactional
    public void remove(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.REPORT_SCHEDULES_MANAGE, org);
        ReportRecipient recipient = store.find(org, id).orElseThrow(() -> new NotFoundException("report recipient"));
        if (!store.delete(org, id)) {
            throw new NotFoundException("report recipient");
        }
        changed(actor, "REPORT_RECIPIENT_REMOVED", recipient, null);
    }

    /**
     * Confirms with the link from the mail. The link works once, until it expires; an unknown,
     * used or expired link is a 404 and confirms nothing. It logs no one in.
     */
    @Transactional
    public ReportRecipient confirm(String token) {
        if (token == null || !token.startsWith(CONFIRM_PREFIX) || token.length() > 100) {
            throw new NotFoundException("confirmation link");
        }
        ReportRecipient confirmed = store.confirmAcrossOrganizations(Tokens.hash(token), clock.instant())
                .orElseThrow(() -> new NotFoundException("confirmation link"));
        changed(null, "REPORT_RECIPIENT_CONFIRMED", withStatus(confirmed, ReportRecipient.Status.PENDING), confirmed);
        return confirmed;
    }

    /** Unsubscribes with the link from any mail: no more mail of any kind. Doing it again is harmless. */
    @Transactional
    public void unsubscribe(String token) {
        var holder = unsubscribeTokens.verify(token).orElseThrow(() -> new NotFoundException("unsubscribe link"));
        ReportRecipient before = store.find(holder.org(), holder.recipient())
                .orElseThrow(() -> new NotFoundException("unsubscribe link"));
        if (store.unsubscribe(holder.org(), holder.recipient(), clock.instant())) {
            changed(null, "REPORT_RECIPIENT_UNSUBSCRIBED", before, withStatus(before, ReportRecipient.Status.UNSUBSCRIBED));
        }
    }

    /** The address an unsubscribe link stands for, to show on the page that asks to confirm it. */
    public String addressOfUnsubscribeLink(String token) {
        var holder = unsubscribeTokens.verify(token).orElseThrow(() -> new NotFoundException("unsubscribe link"));
        return store.find(holder.org(), holder.recipient()).map(ReportRecipient::email)
                .orElseThrow(() -> new NotFoundException("unsubscribe link"));
    }

    /**
     * For the schedules: which of these recipients of the organization may be mailed now, that is
     * who confirmed and did not unsubscribe. Not an entry point: it checks no actor.
     */
    public List<ReportRecipient> confirmedAmong(OrgId org, Collection<UUID> ids) {
        return store.findAll(org, ids).stream().filter(ReportRecipient::receivesReports).toList();
    }

    /** For the schedules: whether each id is a recipient of the organization at all. */
    public boolean allExist(OrgId org, Collection<UUID> ids) {
        return store.findAll(org, ids).size() == ids.size();
    }

    /** Audited with the address before and after; {@code actor} null: the recipient itself, by the link in its mail. */
    private void changed(Actor actor, String auditType, ReportRecipient before, ReportRecipient after) {
        ReportRecipient either = after == null ? before : after;
        events.publishEvent(new SettingChanged(either.orgId(), actor == null ? null : actor.userId(), auditType, either.id().toString(),
                before == null ? Map.of() : before.asText(), after == null ? Map.of() : after.asText(), clock.instant()));
    }

    private static ReportRecipient withStatus(ReportRecipient r, ReportRecipient.Status status) {
        return new ReportRecipient(r.orgId(), r.id(), r.email(), r.language(), status, r.addedAt(), r.confirmedAt(), r.unsubscribedAt());
    }

    private static String normalize(String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("email", "problem.email.required", "an e-mail address is required");
        }
        if (trimmed.length() > MAX_ADDRESS || !trimmed.matches("[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")) {
            throw new InvalidInputException("email", "problem.email.invalid", "'" + trimmed + "' is not a valid e-mail address", trimmed);
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT);
    }
}
