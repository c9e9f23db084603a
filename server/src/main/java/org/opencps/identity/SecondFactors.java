package org.opencps.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencps.identity.SecondFactorChanged.Change;
import org.opencps.identity.internal.credentials.PasswordAttempts;
import org.opencps.identity.internal.persistence.PasskeyStore;
import org.opencps.identity.internal.persistence.SecondFactorStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.platform.secrets.Tokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own second factor: an authenticator app (TOTP), enrolled by confirming a first code, and 10
 * single-use recovery codes, shown once; people without a local password (signing in through their identity
 * provider) too. The app's secret is sealed with the server's key, bound to the person;
 * recovery codes are kept as keyed hashes. Checking a code at sign-in ({@link #check}) counts toward the same
 * account lockout as passwords, and a TOTP code is accepted once: the step of the last one used is kept in the
 * database, so it is refused again on every server process.
 */
@Service
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    static final String ISSUER = "OpenCPS";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecondFactorStore store;
    private final UserStore users;
    private final ServerSecrets secrets;
    private final PasswordAttempts attempts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecentSecondFactor stepUp;
    private final SecondFactorRequirement requirement;
    private final PasskeyStore passkeys;

    SecondFactors(SecondFactorStore store, UserStore users, ServerSecrets secrets, PasswordAttempts attempts,
                  ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, RecentSecondFactor stepUp,
                  SecondFactorRequirement requirement, PasskeyStore passkeys) {
        this.passkeys = passkeys;
        this.stepUp = stepUp;
        this.requirement = requirement;
        this.store = store;
        this.users = users;
        this.secrets = secrets;
        this.attempts = attempts;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the person has: a confirmed app, how many recovery codes are left, and how many passkeys. */
    public record Status(boolean totp, int recoveryCodesLeft, int passkeys) {
    }

    /** A started enrolment: the secret as text and as the address the QR code carries. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    public Status status(UserId user) {
        return new Status(hasApp(user), store.unusedRecoveryCodes(user), passkeys.count(user));
    }

    /** Whether the person has a second factor (an app or a passkey), so sign-in asks for it. */
    public boolean enrolled(UserId user) {
        return store.hasFactor(user);
    }

    private boolean hasApp(UserId user) {
        return store.totp(user).map(SecondFactorStore.TotpRow::confirmed).orElse(false);
    }

    /** A new secret for the app; replaces an enrolment not yet confirmed, never a confirmed app. */
    public TotpEnrolment startTotp(UserId user) {
        String secret = TotpCodes.newSecret();
        String email = users.find(user).orElseThrow().email();
        boolean started = Boolean.TRUE.equals(transactions.execute(status ->
                store.startTotp(user, secrets.seal(secret, sealContext(user)), clock.instant())));
        if (!started) {
            throw new ConflictException("totp", "problem.secondFactor.alreadySetUp",
                    "an authenticator app is already set up; remove it before setting up another");
        }
        return new TotpEnrolment(secret, TotpCodes.otpauthUri(ISSUER, email, secret));
    }

    /** The secret of an enrolment under way, to show it again (the QR code page); empty when there is none. */
    public java.util.Optional<TotpEnrolment> pendingTotp(UserId user) {
        return store.totp(user).filter(row -> !row.confirmed()).map(row -> {
            String secret = secrets.open(row.sealedSecret(), sealContext(user));
            return new TotpEnrolment(secret, TotpCodes.otpauthUri(ISSUER, users.find(user).orElseThrow().email(), secret));
        });
    }

    /** Confirms the app with a first code; the answer is the person's new recovery codes, to show once. */
    public List<String> confirmTotp(UserId user, String code) {
        var row = store.totp(user).filter(found -> !found.confirmed())
                .orElseThrow(() -> new ConflictException("totp", "problem.secondFactor.notStarted",
                        "start setting up an authenticator app first"));
        var step = TotpCodes.matchingStep(secrets.open(row.sealedSecret(), sealContext(user)), strip(code), clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "problem.secondFactor.firstCodeWrong",
                    "this is not the app's current code; check the time on your phone and try the next one");
        }
        return transactions.execute(status -> {
            if (!store.confirmTotp(user, step.getAsLong(), clock.instant())) {
                throw new ConflictException("totp", "problem.secondFactor.setUpMeanwhile", "the authenticator app was set up meanwhile");
            }
            events.publishEvent(new SecondFactorChanged(user, Change.TOTP_ENROLLED, user, null, clock.instant()));
            stepUp.proved();
            return replaceRecoveryCodes(user);
        });
    }

    /** Removes the app and the recovery codes: sign-in no longer asks for a second factor. */
    public void removeTotp(UserId user) {
        stepUp.require(user);
        if (requirement.enrolBy(user).isPresent() && passkeys.count(user) == 0) {
            throw new ConflictException("totp", "problem.secondFactor.requiredByOrganization",
                    "your organization requires a second factor: the authenticator app stays (an administrator can reset it)");
        }
        transactions.executeWithoutResult(status -> {
            if (!store.deleteTotp(user)) {
                throw new ConflictException("totp", "problem.secondFactor.none", "no authenticator app is set up");
            }
            store.deleteRecoveryCodes(user);
            events.publishEvent(new SecondFactorChanged(user, Change.TOTP_REMOVED, user, null, clock.instant()));
        });
    }

    /** New recovery codes; the earlier ones stop working. */
    public List<String> newRecoveryCodes(UserId user) {
        if (!hasApp(user)) {
            throw new ConflictException("totp", "problem.secondFactor.recoveryNeedsApp", "recovery codes need an authenticator app set up first");
        }
        stepUp.require(user);
        return transactions.execute(status -> {
            events.publishEvent(new SecondFactorChanged(user, Change.RECOVERY_CODES_CREATED, user, null, clock.instant()));
            return replaceRecoveryCodes(user);
        });
    }

    /**
     * Checks a code at sign-in: the app's (6 digits) or an unused recovery code. Under the account lockout of
     * passwords: while locked nothing is checked, and a wrong code counts as a wrong password would. Not
     * transactional around the check, as {@link PasswordAttempts} requires.
     */
    public SecondFactorCheck check(UserId user, String code, String sourceIp) {
        String email = users.find(user).map(User::email).orElse(null);
        if (!attempts.reserve(user, sourceIp)) {
            events.publishEvent(new LoginFailed(user, email, sourceIp, "account locked"));
            return new SecondFactorCheck(false, new SecondFactorRefused("problem.secondFactor.locked", attempts.lockedMessage(),
                    attempts.lockedArguments()));
        }
        if (accepts(user, strip(code))) {
            attempts.succeeded(user);
            return new SecondFactorCheck(true, null);
        }
        events.publishEvent(new LoginFailed(user, email, sourceIp, "wrong second-factor code"));
        boolean locked = attempts.failed(user, sourceIp);
        String wrong = "wrong or already used code";
        return new SecondFactorCheck(false, locked
                ? new SecondFactorRefused("problem.secondFactor.wrongNowLocked", wrong + "; " + attempts.lockedMessage(),
                        attempts.lockedArguments())
                : new SecondFactorRefused("problem.secondFactor.wrong", wrong));
    }

    /** The outcome of {@link #check}: refusals are results, so the counted attempt stays written. */
    public record SecondFactorCheck(boolean accepted, SecondFactorRefused refusal) {
    }

    private boolean accepts(UserId user, String code) {
        var row = store.totp(user).filter(SecondFactorStore.TotpRow::confirmed).orElse(null);
        if (row == null || code.isEmpty()) {
            return false;
        }
        if (code.length() == 6 && code.chars().allMatch(Character::isDigit)) {
            var step = TotpCodes.matchingStep(secrets.open(row.sealedSecret(), sealContext(user)), code, clock.instant());
            return step.isPresent() && store.useStep(user, step.getAsLong());
        }
        return store.useRecoveryCode(user, recoveryHash(user, code), clock.instant());
    }

    private List<String> replaceRecoveryCodes(UserId user) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(newRecoveryCode());
        }
        store.replaceRecoveryCodes(user, codes.stream().map(code -> recoveryHash(user, code)).toList(), clock.instant());
        return codes;
    }

    /** 10 characters from 31 (about 50 bits), shown as two groups of five. */
    private static String newRecoveryCode() {
        var code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(Tokens.randomBelow(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private String recoveryHash(UserId user, String code) {
        String normalized = code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return secrets.keyedHash("recovery-code", user + ":" + normalized);
    }

    private static String sealContext(UserId user) {
        return "totp:" + user;
    }

    private static String strip(String code) {
        return code == null ? "" : code.strip().replace(" ", "");
    }
}
