package org.opencps.identity;

import java.time.Clock;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.SecondFactorChanged.Change;
import org.opencps.identity.internal.persistence.PasskeyStore;
import org.opencps.identity.internal.persistence.SecondFactorStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.MailTexts;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator resets a member's second factor (they lost their phone and their recovery codes): the app, the passkeys and
 * the recovery codes go, the member signs in with their password alone until they set up a new one. Needs every
 * permission the member holds, as other changes to a member do, and a recent check of the admin's own second
 * factor. Audited, and the member is told by e-mail in their language.
 */
@Service
public class SecondFactorResets {

    private final AccessPolicy policy;
    private final SecondFactorStore store;
    private final UserStore users;
    private final RecentSecondFactor stepUp;
    private final Organizations organizations;
    private final MailTexts mails;
    private final Languages languages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PasskeyStore passkeys;

    SecondFactorResets(AccessPolicy policy, SecondFactorStore store, UserStore users, RecentSecondFactor stepUp,
                       Organizations organizations, MailTexts mails, Languages languages, ApplicationEventPublisher events,
                       Clock clock, PasskeyStore passkeys) {
        this.passkeys = passkeys;
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.stepUp = stepUp;
        this.organizations = organizations;
        this.mails = mails;
        this.languages = languages;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the member has a second factor an admin of the organization could reset. */
    public boolean hasSecondFactor(Actor admin, OrgId org, UserId member) {
        policy.requireManageMember(admin, org, member);
        return users.isMember(org, member) && store.hasFactor(member);
    }

    @Transactional
    public void reset(Actor admin, OrgId org, UserId member) {
        policy.requireManageMember(admin, org, member);
        if (!users.isMember(org, member)) {
            throw new NotFoundException("user");
        }
        stepUp.require(admin.userId());
        boolean hadApp = store.deleteTotp(member);
        int passkeysRemoved = passkeys.deleteAll(member);
        if (!hadApp && passkeysRemoved == 0) {
            throw new ConflictException("secondFactor", "problem.secondFactor.noneToReset", "this person has no second factor set up");
        }
        store.deleteRecoveryCodes(member);
        events.publishEvent(new SecondFactorChanged(member, Change.RESET_BY_ADMIN, admin.userId(), org, clock.instant()));
        var person = users.find(member).orElseThrow();
        mails.send(person.email(), languages.forMail(member), "secondFactorReset", person.displayName(),
                organizations.find(org).orElseThrow().name());
    }
}
