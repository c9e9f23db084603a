package org.opencps.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.internal.DevicesProperties;
import org.opencps.devices.internal.PinLoginGuard;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceSessionStore;
import org.opencps.devices.internal.persistence.DeviceSessionStore.SessionRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.identity.CardLogin;
import org.opencps.identity.Cards;
import org.opencps.identity.IdCard;
import org.opencps.identity.LoginOutcome;
import org.opencps.identity.PasswordLogins;
import org.opencps.identity.Pins;
import org.opencps.identity.Users;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People at a printer: login by PIN, card, or e-mail and password (with the account lockout of
 * the portal), each only where the organization's settings allow it, a session ({@code ocpss_}, stored hashed) bound to that printer and ended by
 * logout, the organization's idle timeout or its absolute lifetime (1 hour), and what the person
 * does in it, as themselves. Not transactional: a failed attempt's count must stay written.
 */
@Service
public class DeviceLogins {

    static final String SESSION_PREFIX = "ocpss_";
    private static final int SESSION_LENGTH = SESSION_PREFIX.length() + 43;
    static final String NOT_ACCEPTED = "the PIN, card or password was not accepted";
    /** A session's last use is written at most this often: one write less per request, the idle timeout barely later. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(15);
    /**
     * A card is added at the printer right after logging in, not later: someone who finds a person
     * still logged in at a printer must not tie their own badge to that person's account.
     */
    static final Duration CARD_REGISTRATION_WINDOW = Duration.ofMinutes(2);

    private final DeviceStore devices;
    private final DeviceSessionStore sessions;
    private final PinLoginGuard guard;
    private final Pins pins;
    private final Cards cards;
    private final PasswordLogins passwords;
    private final Users users;
    private final Organizations organizations;
    private final AccessPolicy policy;
    private final PrintJobs printJobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration maxLifetime;

    DeviceLogins(DeviceStore devices, DeviceSessionStore sessions, PinLoginGuard guard, Pins pins, Cards cards,
                 PasswordLogins passwords, Users users, Organizations organizations, AccessPolicy policy,
                 PrintJobs printJobs, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
                 DevicesProperties properties) {
        this.devices = devices;
        this.sessions = sessions;
        this.guard = guard;
        this.pins = pins;
        this.cards = cards;
        this.passwords = passwords;
        this.users = users;
        this.organizations = organizations;
        this.policy = policy;
        this.printJobs = printJobs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.maxLifetime = properties.sessionMaxLifetime();
    }

    /**
     * A person logs in at {@code printer} (the device the credential acts as). Wrong credentials:
     * 401 without saying which part; PIN/card locked at the device: 423; throttled: 429.
     */
    public StartedDeviceSession login(DevicePrincipal printer, DeviceLogin login, String sourceIp) {
        DeviceRow row = devices.find(printer.orgId(), printer.deviceId())
                .filter(DeviceRow::isPrinter).orElseThrow(() -> new NotFoundException("printer"));
        requireFields(login);
        requireMethodAllowed(printer, login.method());
        UserId user = switch (login.method()) {
            case PIN, CARD -> byPinOrCard(printer, row, login);
            case PASSWORD -> byPassword(printer, login, sourceIp);
        };
        Actor person = new Actor(user, printer.orgId());
        boolean withPinOrCard = login.method() != DeviceLogin.Method.PASSWORD;
        if (!policy.can(person, Permission.JOBS_OWN, printer.orgId())) {
            if (withPinOrCard) {
                guard.succeeded(printer);
            }
            failed(printer, user, login.method(), "no permission to print here");
            throw new ForbiddenException("problem.deviceLogin.noPrinting", "your role does not allow printing in this organization");
        }
        Instant now = clock.instant();
        String token = Tokens.newToken(SESSION_PREFIX);
        // one commit for the end of the device's run of failures, the session, the clean-up of its old ones, and the event that audits it
        transactions.executeWithoutResult(status -> {
            if (withPinOrCard) {
                guard.succeeded(printer);
            }
            sessions.deleteStarted(printer.orgId(), printer.deviceId(), now.minus(maxLifetime));
            sessions.insert(new SessionRow(printer.orgId(), UUID.randomUUID(), printer.deviceId(), user,
                    login.method().name(), now, now), Tokens.hash(token));
            events.publishEvent(new DeviceLoginSucceeded(printer.orgId(), printer.deviceId(), user, login.method().name(),
                    now));
        });
        Duration idle = organizations.idleTimeout(printer.orgId());
        return new StartedDeviceSession(token, users.me(person).displayName(),
                (idle.compareTo(maxLifetime) < 0 ? idle : maxLifetime).toSeconds());
    }

    /**
     * The live session {@code token} at {@code printer}, or 401. A session presented with the
     * credential of another device is refused and audited.
     */
    public DeviceSession session(DevicePrincipal printer, String token, String sourceIp) {
        if (token == null || token.length() != SESSION_LENGTH || !token.startsWith(SESSION_PREFIX)) {
            throw new UnauthenticatedException("problem.deviceLogin.noSession", "log in at the device first and send the session as X-OpenCPS-Session");
        }
        SessionRow row = sessions.findByHash(Tokens.hash(token))
                .orElseThrow(() -> new UnauthenticatedException("problem.deviceLogin.sessionEnded", "the session is unknown or has ended; log in again"));
        if (!row.orgId().equals(printer.orgId()) || !row.deviceId().equals(printer.deviceId())) {
            events.publishEvent(new DeviceMisuse(row.orgId(), row.deviceId(), row.userId(), "the session of a person at this device was "
                    + "presented by device " + printer.deviceId() + " of organization " + printer.orgId(), sourceIp));
            throw new UnauthenticatedException("problem.deviceLogin.otherDevice", "this session belongs to another device");
        }
        Instant now = clock.instant();
        Duration idle = organizations.idleTimeout(row.orgId());
        if (!now.isBefore(row.lastUsedAt().plus(idle))) {
            sessions.delete(row.orgId(), row.id());
            throw new UnauthenticatedException("problem.deviceLogin.idle",
                    "the session ended after " + idle.toMinutes() + " minutes without use; log in again", idle.toMinutes());
        }
        if (!now.isBefore(row.createdAt().plus(maxLifetime))) {
            sessions.delete(row.orgId(), row.id());
            throw new UnauthenticatedException("problem.deviceLogin.lifetime", "a session at a device lasts at most " + maxLifetime.toMinutes()
                    + " minutes; log in again", maxLifetime.toMinutes());
        }
        if (!now.isBefore(row.lastUsedAt().plus(TOUCH_EVERY))) {
            sessions.touch(row.orgId(), row.id(), now);
        }
        return new DeviceSession(row.orgId(), row.id(), row.deviceId(), row.userId(), row.createdAt());
    }

    public void logout(DeviceSession session) {
        sessions.delete(session.orgId(), session.id());
    }

    /** The person's own held jobs, and nobody else's. */
    public List<PrintJob> heldJobs(DeviceSession session) {
        return printJobs.mine(session.actor()).stream().filter(job -> job.state() == PrintJob.State.HELD).toList();
    }

    /**
     * The person registers one of their cards at the device, as they could in the portal; the
     * account's owner is told by e-mail, in case it was someone else at a session left open.
     */
    public IdCard registerCard(DeviceSession session, String cardNumber, String label) {
        if (!clock.instant().isBefore(session.startedAt().plus(CARD_REGISTRATION_WINDOW))) {
            throw new ConflictException("cardNumber", "problem.deviceLogin.cardWindow",
                    "a card can be added only within " + CARD_REGISTRATION_WINDOW.toMinutes()
                    + " minutes of logging in at the printer; log in again to add one", CARD_REGISTRATION_WINDOW.toMinutes());
        }
        // one commit for the card and the event that tells its owner (delivered after it)
        return transactions.execute(status -> {
            IdCard card = cards.register(session.actor(), session.orgId(), session.userId(), cardNumber, label);
            events.publishEvent(new CardAddedAtDevice(session.orgId(), session.deviceId(), session.userId(), card.id(),
                    card.createdAt()));
            return card;
        });
    }

    /** The owner of the PIN or card; the attempt stays counted until the caller's {@code guard.succeeded}. */
    private UserId byPinOrCard(DevicePrincipal printer, DeviceRow row, DeviceLogin login) {
        guard.reserve(printer, row);
        if (login.method() == DeviceLogin.Method.PIN) {
            Optional<UserId> user = pins.userWithPin(printer.orgId(), login.pin());
            return user.orElseThrow(() -> refused(printer, null, login.method(), "wrong PIN"));
        }
        // a card someone else registered for the person logs in only with their PIN, which confirms it
        return switch (cards.atDevice(printer.orgId(), login.cardNumber(), login.pin())) {
            case CardLogin.Accepted accepted -> accepted.user();
            case CardLogin.Refused refused -> throw refused(printer, refused.owner(), login.method(), refused.reason());
        };
    }

    /** The same answer for every refused PIN or card, whatever the reason the audit record gives. */
    private UnauthenticatedException refused(DevicePrincipal printer, UserId owner, DeviceLogin.Method method, String reason) {
        failed(printer, owner, method, reason);
        guard.failed(printer);
        throw new UnauthenticatedException(NOT_ACCEPTED);
    }

    private UserId byPassword(DevicePrincipal printer, DeviceLogin login, String sourceIp) {
        // a person of another organization is an unknown account here: their password is not even checked
        LoginOutcome outcome = passwords.loginAsMemberOf(printer.orgId(), login.email(), login.password(), sourceIp);
        if (outcome instanceof LoginOutcome.Success success) {
            return success.user().id();
        }
        failed(printer, null, login.method(), ((LoginOutcome.Failure) outcome).message());
        throw ((LoginOutcome.Failure) outcome).refusal();
    }

    /** The organization's setting of how people may log in at its printers; checked before any credential. */
    private void requireMethodAllowed(DevicePrincipal printer, DeviceLogin.Method method) {
        if (!organizations.deviceLoginMethods(printer.orgId()).contains(DeviceLoginMethod.valueOf(method.name()))) {
            failed(printer, null, method, "this way of logging in is turned off in the organization's settings");
            throw new ForbiddenException("problem.deviceLogin.methodOff." + method.name(), "this organization does not allow logging in at its printers " + switch (method) {
                case PIN -> "by PIN";
                case CARD -> "by ID card";
                case PASSWORD -> "with e-mail address and password";
            });
        }
    }

    private static void requireFields(DeviceLogin login) {
        if (login.method() == null) {
            throw new InvalidInputException("method", "problem.deviceLogin.method", "method is PIN, CARD or PASSWORD");
        }
        switch (login.method()) {
            case PIN -> require("pin", login.pin());
            case CARD -> require("cardNumber", login.cardNumber());
            case PASSWORD -> {
                require("email", login.email());
                require("password", login.password());
            }
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "problem.deviceLogin.fieldRequired", field + " is required for this login method", field);
        }
    }

    private void failed(DevicePrincipal printer, UserId user, DeviceLogin.Method method, String reason) {
        events.publishEvent(new DeviceLoginFailed(printer.orgId(), printer.deviceId(), user, method.name(), reason));
    }
}
