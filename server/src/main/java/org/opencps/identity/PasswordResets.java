package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.persistence.EmailTokenStore;
import org.opencps.identity.internal.persistence.EmailTokenStore.Purpose;
import org.opencps.identity.internal.persistence.PasswordStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.captcha.ProofOfWork;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.MailTexts;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.platform.secrets.Tokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by an e-mailed single-use link. The request needs a solved proof-of-work
 * challenge and is rate limited per source and per address; its answer never tells whether the
 * address has an account. Completing it ends every session of the person.
 */
@Service
public class PasswordResets {
    private static final LimitedAction RESETS_FROM_SOURCE = new LimitedAction("problem.tooMany.resetsFromSource", "password reset requests from your address");
    private static final LimitedAction RESETS_FOR_ADDRESS = new LimitedAction("problem.tooMany.resetsForAddress", "password reset requests for this address");

    public static final Duration LINK_VALIDITY = Duration.ofHours(1);
    static final String PREFIX = "rst_";

    private final UserStore users;
    private final PasswordStore passwordStore;
    private final Passwords passwords;
    private final EmailTokenStore tokens;
    private final ProofOfWork proofOfWork;
    private final RateLimiter rateLimiter;
    private final MailTexts mails;
    private final Languages languages;
    private final SessionLogin sessions;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;

    PasswordResets(UserStore users, PasswordStore passwordStore, Passwords passwords, EmailTokenStore tokens,
                   ProofOfWork proofOfWork, RateLimiter rateLimiter, MailTexts mails, Languages languages, SessionLogin sessions, Clock clock,
                   PublicUrl publicUrl, ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwordStore = passwordStore;
        this.passwords = passwords;
        this.tokens = tokens;
        this.proofOfWork = proofOfWork;
        this.rateLimiter = rateLimiter;
        this.mails = mails;
        this.languages = languages;
        this.sessions = sessions;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public ProofOfWork.Challenge challenge() {
        return proofOfWork.newChallenge();
    }

    @Transactional
    public void request(String email, String altcha, String sourceIp) {
        rateLimiter.acquire("reset-source:" + sourceIp, 10, Duration.ofMinutes(15), RESETS_FROM_SOURCE);
        String address = Emails.normalize("email", email);
        proofOfWork.verify(altcha);
        rateLimiter.acquire("reset-address:" + address, 3, Duration.ofHours(1), RESETS_FOR_ADDRESS);
        var user = users.findByEmail(address).filter(u -> passwordStore.find(u.id()).isPresent());
        if (user.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tokens.invalidateOpen(user.get().id(), Purpose.RESET_PASSWORD, now);
        String token = Tokens.newToken(PREFIX);
        tokens.insert(user.get().id(), Purpose.RESET_PASSWORD, Tokens.hash(token), now, now.plus(LINK_VALIDITY));
        mails.send(address, languages.forMailTheyAskedFor(user.get().id()), "passwordReset", publicUrl.base() + "/reset-password?token=" + token);
        events.publishEvent(new AccountActivity(user.get().id(), null, AccountActivity.Kind.PASSWORD_RESET_REQUESTED, now));
    }

    @Transactional
    public void complete(String token, String newPassword) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            throw new NotFoundException("reset link");
        }
        UserId user = tokens.consume(Purpose.RESET_PASSWORD, Tokens.hash(token), clock.instant())
                .orElseThrow(() -> new NotFoundException("reset link (unknown, used or expired)"));
        passwords.set(user, "newPassword", newPassword, true);
        users.markEmailVerified(user);
        sessions.logoutEverywhere(user);
    }
}
