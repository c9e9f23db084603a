package org.opencps.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.identity.IdentityEvents.CardRegistered;
import org.opencps.identity.IdentityEvents.CardRemoved;
import org.opencps.identity.internal.persistence.CardStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ID cards for device login: registered by their owner or an admin, unique within the
 * organization, removable. Only a keyed hash of the number is stored, so a leaked database
 * does not reveal card numbers.
 */
@Service
public class Cards {

    public static final int MAX_CARDS_PER_PERSON = 10;
    private static final String HASH_PURPOSE = "card";

    private final AccessPolicy policy;
    private final CardStore store;
    private final UserStore users;
    private final ServerSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cards(AccessPolicy policy, CardStore store, UserStore users, ServerSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IdCard register(Actor actor, OrgId org, UserId owner, String number, String label) {
        if (!owner.equals(actor.userId())) {
            policy.requireManageMember(actor, org, owner);
        }
        requireSelfOrUserManager(actor, org, owner);
        String hash = hash(org, normalize(number));
        String cleanLabel = label == null || label.isBlank() ? "Card" : label.strip();
        if (cleanLabel.length() > 100) {
            throw new InvalidInputException("label", "a card label has at most 100 characters");
        }
        if (store.cardsOf(org, owner).size() >= MAX_CARDS_PER_PERSON) {
            throw new ConflictException("number", "a person can have at most " + MAX_CARDS_PER_PERSON + " cards");
        }
        if (store.hashTaken(org, hash)) {
            throw new ConflictException("number", "this card is already registered in the organization");
        }
        var card = new IdCard(org, UUID.randomUUID(), owner, cleanLabel, clock.instant());
        store.insert(card, hash);
        events.publishEvent(new CardRegistered(org, owner, card.id(), actor.userId()));
        return card;
    }

    public List<IdCard> cards(Actor actor, OrgId org, UserId owner) {
        requireSelfOrUserManager(actor, org, owner);
        return store.cardsOf(org, owner);
    }

    @Transactional
    public void remove(Actor actor, OrgId org, UserId owner, UUID cardId) {
        requireSelfOrUserManager(actor, org, owner);
        if (!store.delete(org, owner, cardId)) {
            throw new NotFoundException("card");
        }
        events.publishEvent(new CardRemoved(org, owner, cardId, actor.userId()));
    }

    /** The member holding this card, for login at a device. */
    public Optional<UserId> userWithCard(OrgId org, String number) {
        try {
            return store.findUser(org, hash(org, normalize(number)));
        } catch (InvalidInputException notACardNumber) {
            return Optional.empty();
        }
    }

    private void requireSelfOrUserManager(Actor actor, OrgId org, UserId owner) {
        boolean self = owner.equals(actor.userId()) && org.equals(actor.orgId());
        policy.require(actor, self ? Permission.JOBS_OWN : Permission.USERS_MANAGE, org);
        if (!users.isMember(org, owner)) {
            throw new NotFoundException("user");
        }
    }

    /** Card readers differ in separators and case: "04:a2:1f" and "04A21F" are the same card. */
    static String normalize(String number) {
        String compact = number == null ? "" : number.replaceAll("[\\s:-]", "");
        // check before upper-casing: "ß" would become "SS" and "ı" an "I"
        if (!compact.matches("[0-9A-Za-z]{4,64}")) {
            throw new InvalidInputException("number", "a card number has 4 to 64 letters or digits");
        }
        return compact.toUpperCase(Locale.ROOT);
    }

    private String hash(OrgId org, String normalized) {
        return secrets.keyedHash(HASH_PURPOSE + ":" + org, normalized);
    }
}
