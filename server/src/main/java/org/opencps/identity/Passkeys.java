package org.opencps.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.identity.SecondFactorChanged.Change;
import org.opencps.identity.SecondFactors.SecondFactorCheck;
import org.opencps.identity.internal.credentials.PasswordAttempts;
import org.opencps.identity.internal.passkeys.RelyingParty;
import org.opencps.identity.internal.passkeys.SignInChallenges;
import org.opencps.identity.internal.persistence.PasskeyStore;
import org.opencps.identity.internal.persistence.SecondFactorStore;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.text.Names;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's passkeys (WebAuthn): registered in the browser, named, listed with when they were made and last used,
 * removed by their owner. A passkey is a second factor after the password, and also signs a person in without one
 * (a discoverable passkey that verified the person itself). Each ceremony's challenge lives in the login session
 * (shared by every server process; a passwordless sign-in's in itself, {@link SignInChallenges}), is used once and
 * expires with the options after 5 minutes. Proving a passkey
 * counts toward the account lockout of passwords, as codes do, and a passwordless sign-in meets the same rules as a
 * password (verified e-mail address, organizations that sign in through their identity provider only).
 */
@Service
public class Passkeys {

    /** Enough for every device a person uses, few enough to keep the list and the options small. */
    public static final int MAX_PER_PERSON = 20;
    static final int NAME_LENGTH = 60;
    private static final String CHALLENGE = "opencps.passkeyChallenge.";

    /** What a passkey is proved for. */
    public enum Purpose { REGISTER, SIGN_IN, SECOND_FACTOR, STEP_UP }

    /** One passkey as its owner sees it. */
    public record Passkey(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A ceremony under way: its challenge, for whom (null: anyone, a passwordless sign-in), since when. */
    record Challenge(byte[] challenge, UUID user, Instant issued) implements Serializable {
    }

    private final RelyingParty relyingParty;
    private final PasskeyStore store;
    private final UserStore users;
    private final PasswordAttempts attempts;
    private final PasswordLogins logins;
    private final SsoStore sso;
    private final RecentSecondFactor stepUp;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignInChallenges signInChallenges;
    private final SecondFactorStore factors;
    private final SecondFactorRequirement requirement;

    Passkeys(RelyingParty relyingParty, PasskeyStore store, UserStore users, PasswordAttempts attempts,
             PasswordLogins logins, SsoStore sso, RecentSecondFactor stepUp, ApplicationEventPublisher events,
             TransactionTemplate transactions, Clock clock, SignInChallenges signInChallenges, SecondFactorStore factors,
             SecondFactorRequirement requirement) {
        this.factors = factors;
        this.requirement = requirement;
        this.signInChallenges = signInChallenges;
        this.relyingParty = relyingParty;
        this.store = store;
        this.users = users;
        this.attempts = attempts;
        this.logins = logins;
        this.sso = sso;
        this.stepUp = stepUp;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Passkey> of(UserId user) {
        return store.of(user).stream().map(row -> new Passkey(row.id(), row.name(), row.createdAt(), row.lastUsedAt())).toList();
    }

    /**
     * The options for the browser to create a new passkey of the person (JSON). Like the other factors, it needs a
     * recent check of the second factor when the person has one.
     */
    public String registrationOptions(HttpServletRequest request, UserId user) {
        stepUp.require(user);
        if (store.count(user) >= MAX_PER_PERSON) {
            throw new ConflictException("passkey", "problem.passkey.tooMany", "at most " + MAX_PER_PERSON
                    + " passkeys; remove one first", MAX_PER_PERSON);
        }
        return relyingParty.json(relyingParty.creationOptions(user, issue(request, Purpose.REGISTER, user)));
    }

    /** Verifies the browser's new passkey against the options it was given, and keeps it under this name. */
    public void register(HttpServletRequest request, UserId user, String name, String credentialJson) {
        String label = Names.require("name", name, NAME_LENGTH, "the passkey's name");
        stepUp.require(user);
        Bytes challenge = take(request, Purpose.REGISTER, user);
        transactions.executeWithoutResult(status -> {
            try {
                relyingParty.register(user, challenge, label, credentialJson);
            } catch (RelyingParty.Refused | DuplicateKeyException e) {
                throw notAccepted();
            }
            events.publishEvent(new SecondFactorChanged(user, Change.PASSKEY_REGISTERED, user, null, clock.instant()));
            stepUp.proved();
        });
    }

    /** Removes one of the person's own passkeys; someone else's is not found. */
    public void remove(UserId user, UUID passkey) {
        stepUp.require(user);
        transactions.executeWithoutResult(status -> {
            if (!store.delete(user, passkey)) {
                throw new NotFoundException("passkey");
            }
            if (!factors.hasFactor(user) && requirement.enrolBy(user).isPresent()) {
                throw new ConflictException("passkey", "problem.passkey.lastRequired", "your organization requires a second "
                        + "factor: your last passkey stays until you set up another (an administrator can reset it)");
            }
            events.publishEvent(new SecondFactorChanged(user, Change.PASSKEY_REMOVED, user, null, clock.instant()));
        });
    }

    /** The options for the browser to prove a passkey (JSON): of {@code user}, or any discoverable one for SIGN_IN. */
    public String requestOptions(HttpServletRequest request, Purpose purpose, UserId user) {
        return relyingParty.json(relyingParty.requestOptions(user, issue(request, purpose, user)));
    }

    /**
     * Checks the person's passkey as their second factor (after the password, or for step-up), under the account
     * lockout as a code is. Another person's passkey, another ceremony's challenge or another origin are refused.
     * Not transactional, as {@link PasswordAttempts} requires.
     */
    public SecondFactorCheck check(HttpServletRequest request, Purpose purpose, UserId user, String assertionJson) {
        String email = users.find(user).map(User::email).orElse(null);
        String sourceIp = request.getRemoteAddr();
        Bytes challenge = takeOrNull(request, purpose, user);
        if (!attempts.reserve(user, sourceIp)) {
            events.publishEvent(new LoginFailed(user, email, sourceIp, "account locked"));
            return new SecondFactorCheck(false, new SecondFactorRefused("problem.secondFactor.locked", attempts.lockedMessage(),
                    attempts.lockedArguments()));
        }
        String refusal = refusal(user, challenge, assertionJson);
        if (refusal != null) {
            events.publishEvent(new LoginFailed(user, email, sourceIp, "passkey refused: " + refusal));
            boolean locked = attempts.failed(user, sourceIp);
            return new SecondFactorCheck(false, new SecondFactorRefused("problem.passkey.notAccepted",
                    locked ? "passkey not accepted; " + attempts.lockedMessage() : "passkey not accepted"));
        }
        attempts.succeeded(user);
        used(user, assertionJson, purpose, sourceIp);
        return new SecondFactorCheck(true, null);
    }

    /**
     * Signs a person in with a passkey alone (it verified the person: both factors at once). The answer is who;
     * refusals are exceptions with a message key, and each is recorded as a failed login.
     *
     * @throws InvalidInputException when the passkey was not accepted, the account is locked, or may not sign in so
     */
    public User signIn(HttpServletRequest request, String assertionJson) {
        String sourceIp = request.getRemoteAddr();
        logins.throttle(sourceIp, null);
        Bytes challenge = signInChallenge(assertionJson);
        var row = credentialOwner(assertionJson);
        if (challenge == null || row == null) {
            events.publishEvent(new LoginFailed(row == null ? null : row.user(), null, sourceIp,
                    challenge == null ? "passkey refused: no sign-in under way" : "passkey refused: unknown passkey"));
            throw notAccepted();
        }
        User user = users.find(row.user()).orElseThrow();
        if (!attempts.reserve(user.id(), sourceIp)) {
            events.publishEvent(new LoginFailed(user.id(), user.email(), sourceIp, "account locked"));
            throw new InvalidInputException("passkey", "problem.passkey.locked", attempts.lockedMessage());
        }
        try {
            relyingParty.authenticate(null, challenge, assertionJson);
        } catch (RelyingParty.Refused refused) {
            events.publishEvent(new LoginFailed(user.id(), user.email(), sourceIp, "passkey refused: " + refused.getMessage()));
            attempts.failed(user.id(), sourceIp);
            throw notAccepted();
        }
        attempts.succeeded(user.id());
        if (!user.emailVerified() || sso.inSsoOnlyOrganization(user.id())) {
            events.publishEvent(new LoginFailed(user.id(), user.email(), sourceIp, user.emailVerified()
                    ? "passkey sign-in refused: single sign-on only" : "e-mail address not verified"));
            throw user.emailVerified()
                    ? new InvalidInputException("passkey", "problem.passkey.ssoOnly", PasswordLogins.SSO_ONLY)
                    : new InvalidInputException("passkey", "problem.passkey.unverified", "verify your e-mail address first");
        }
        events.publishEvent(new LoginSucceeded(user.id(), sourceIp));
        used(user.id(), assertionJson, Purpose.SIGN_IN, sourceIp);
        return user;
    }

    /** Why the assertion does not prove a passkey of this person for this challenge; null when it does. */
    private String refusal(UserId user, Bytes challenge, String assertionJson) {
        if (challenge == null) {
            return "no passkey check under way";
        }
        try {
            return user.equals(relyingParty.authenticate(user, challenge, assertionJson)) ? null : "another person's passkey";
        } catch (RelyingParty.Refused refused) {
            return refused.getMessage();
        }
    }

    private PasskeyStore.PasskeyRow credentialOwner(String assertionJson) {
        try {
            return store.byCredentialId(relyingParty.credentialId(assertionJson).toBase64UrlString()).orElse(null);
        } catch (RelyingParty.Refused unreadable) {
            return null;
        }
    }

    private void used(UserId user, String assertionJson, Purpose purpose, String sourceIp) {
        var row = credentialOwner(assertionJson);
        events.publishEvent(new PasskeyUsed(user, row == null ? null : row.name(), purpose, sourceIp, clock.instant()));
    }

    private Bytes signInChallenge(String assertionJson) {
        try {
            return signInChallenges.redeem(relyingParty.answeredChallenge(assertionJson)).orElse(null);
        } catch (RelyingParty.Refused unreadable) {
            return null;
        }
    }

    /** A fresh challenge: in the session of the person it is for; a passwordless sign-in's proves itself (no session). */
    private Bytes issue(HttpServletRequest request, Purpose purpose, UserId user) {
        if (purpose == Purpose.SIGN_IN) {
            return signInChallenges.issue();
        }
        Bytes challenge = Bytes.random();
        request.getSession(true).setAttribute(CHALLENGE + purpose,
                new Challenge(challenge.getBytes(), user == null ? null : user.value(), clock.instant()));
        return challenge;
    }

    private Bytes take(HttpServletRequest request, Purpose purpose, UserId user) {
        Bytes challenge = takeOrNull(request, purpose, user);
        if (challenge == null) {
            throw new InvalidInputException("passkey", "problem.passkey.expired", "no passkey request under way, or it is older "
                    + "than 5 minutes: try again");
        }
        return challenge;
    }

    /** The challenge of this ceremony, removed from the session: each is answered once. */
    private Bytes takeOrNull(HttpServletRequest request, Purpose purpose, UserId user) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(CHALLENGE + purpose) instanceof Challenge issued)) {
            return null;
        }
        session.removeAttribute(CHALLENGE + purpose);
        boolean forThisPerson = user == null ? issued.user() == null : user.value().equals(issued.user());
        boolean fresh = issued.issued().plus(RelyingParty.TIMEOUT).isAfter(clock.instant());
        return forThisPerson && fresh ? new Bytes(issued.challenge()) : null;
    }

    private static InvalidInputException notAccepted() {
        return new InvalidInputException("passkey", "problem.passkey.notAccepted", "this passkey was not accepted");
    }
}
