package org.opencps.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opencps.identity.internal.credentials.DisplayNames;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.persistence.EmailTokenStore;
import org.opencps.identity.internal.persistence.EmailTokenStore.Purpose;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.signup.DisposableEmailDomains;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
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
 * Self sign-up of an account (off unless {@code opencps.security.signup-enabled}): the address
 * must not be a disposable one and must be verified by an e-mailed link before the first login.
 * The answer is the same whether or not the address already has an account.
 */
@Service
public class SignUps {
    private static final LimitedAction SIGN_UPS = new LimitedAction("problem.tooMany.signUps", "sign-ups from your address");

    public static final Duration LINK_VALIDITY = Duration.ofHours(24);
    static final String PREFIX = "ver_";

    private final UserStore users;
    private final Passwords passwords;
    private final EmailTokenStore tokens;
    private final DisposableEmailDomains disposable;
    private final MailTexts mails;
    private final Languages languages;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final OpenCpsProperties properties;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;

    SignUps(UserStore users, Passwords passwords, EmailTokenStore tokens, DisposableEmailDomains disposable, MailTexts mails, Languages languages,
            RateLimiter rateLimiter, Clock clock, OpenCpsProperties properties, PublicUrl publicUrl, ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.disposable = disposable;
        this.mails = mails;
        this.languages = languages;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public void signUp(String email, String displayName, String password, String sourceIp) {
        if (!properties.security().signupEnabled()) {
            throw new ForbiddenException("problem.signUp.off", "self sign-up is turned off here; ask an administrator for an invitation");
        }
        rateLimiter.acquire("signup:" + sourceIp, 5, Duration.ofHours(1), SIGN_UPS);
        String address = Emails.normalize("email", email);
        if (disposable.isDisposable(address)) {
            throw new InvalidInputException("email", "problem.signUp.disposable", "disposable e-mail addresses are not accepted; use a permanent one");
        }
        String name = DisplayNames.validate("displayName", displayName);
        passwords.checkPolicy("password", password);
        var existing = users.findByEmail(address);
        if (existing.isPresent()) {
            mails.send(address, languages.forMailTheyAskedFor(existing.get().id()), "signupAttempt");
            return;
        }
        var user = new User(new UserId(UUID.randomUUID()), address, name, false, clock.instant());
        users.insert(user);
        passwords.set(user.id(), "password", password, false);
        events.publishEvent(new AccountActivity(user.id(), null, AccountActivity.Kind.SIGNED_UP, clock.instant()));
        sendVerification(user);
    }

    @Transactional
    public UserId verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            throw new NotFoundException("verification link");
        }
        UserId user = tokens.consume(Purpose.VERIFY_EMAIL, Tokens.hash(token), clock.instant())
                .orElseThrow(() -> new NotFoundException("verification link (unknown, used or expired)"));
        users.markEmailVerified(user);
        events.publishEvent(new AccountActivity(user, null, AccountActivity.Kind.EMAIL_VERIFIED, clock.instant()));
        return user;
    }

    private void sendVerification(User user) {
        Instant now = clock.instant();
        String token = Tokens.newToken(PREFIX);
        tokens.insert(user.id(), Purpose.VERIFY_EMAIL, Tokens.hash(token), now, now.plus(LINK_VALIDITY));
        mails.send(user.email(), languages.forMailTheyAskedFor(user.id()), "verifyEmail", user.displayName(),
                publicUrl.base() + "/verify-email?token=" + token);
    }
}
