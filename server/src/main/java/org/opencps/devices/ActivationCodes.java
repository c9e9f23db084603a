package org.opencps.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.DevicesProperties;
import org.opencps.devices.internal.persistence.ActivationCodeStore;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes with which a device or an edge agent registers to a customer organization. Made
 * by whoever may register devices there (its admins, or the provider directly above it); single
 * use; valid 1 hour to 30 days (24 hours unless said otherwise); shown once, stored hashed.
 */
@Service
public class ActivationCodes {

    public static final Duration MIN_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
    /** Crockford's base32: no I, L, O or U, so a code read off a screen is typed back right. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 16;

    private final AccessPolicy policy;
    private final Organizations organizations;
    private final ActivationCodeStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration defaultValidity;

    ActivationCodes(AccessPolicy policy, Organizations organizations, ActivationCodeStore store,
                    ApplicationEventPublisher events, Clock clock, DevicesProperties properties) {
        this.policy = policy;
        this.organizations = organizations;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.defaultValidity = properties.activationCodeValidity();
    }

    /** {@code validityHours} null: the default validity. */
    @Transactional
    public IssuedActivationCode create(Actor actor, OrgId org, Integer validityHours, String note) {
        policy.require(actor, Permission.DEVICES_REGISTER, org);
        DeviceOrganizations.requireCustomer(organizations, org);
        Duration validity = validityHours == null ? defaultValidity : Duration.ofHours(validityHours);
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInputException("validityHours", "problem.device.activationValidity", "an activation code is valid for 1 to "
                    + MAX_VALIDITY.toHours() + " hours", MAX_VALIDITY.toHours());
        }
        Instant now = clock.instant();
        String code = newCode();
        var activationCode = new ActivationCode(org, UUID.randomUUID(), DeviceFields.optionalText("note", note, 100),
                actor.userId(), now, now.plus(validity), null, null, null);
        store.insert(activationCode, hash(code));
        events.publishEvent(new ActivationCodeCreated(org, activationCode.id(), actor.userId(), activationCode.expiresAt(),
                now));
        return new IssuedActivationCode(code, activationCode);
    }

    public List<ActivationCode> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.DEVICES_REGISTER, org);
        return store.list(org);
    }

    /** A code that was not used yet stops working; a used or revoked one is a 404. */
    @Transactional
    public void revoke(Actor actor, OrgId org, UUID codeId) {
        policy.require(actor, Permission.DEVICES_REGISTER, org);
        if (!store.revoke(org, codeId, clock.instant())) {
            throw new NotFoundException("usable activation code");
        }
        events.publishEvent(new ActivationCodeRevoked(org, codeId, actor.userId(), clock.instant()));
    }

    /** The hash a code is stored under; dashes, blanks and case do not matter, nor O for 0 and I or L for 1. */
    static String hash(String code) {
        String normalized = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return Tokens.hash("activation:" + normalized);
    }

    /** 16 characters of base32 (80 random bits), as four groups: "7KQ2-M9XD-...". */
    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(Tokens.randomBelow(ALPHABET.length())));
        }
        return code.toString();
    }
}
