package org.opencps.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
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
 * <p>
 * Managing people's credentials never yields one (PRODUCT.md §2): a card registered by anyone
 * but its owner waits for the owner's confirmation, in the portal or at a printer together with
 * their PIN, and logs nobody in until then. It still holds its number, so no one else can take it.
 */
@Service
public class Cards {

    public static final int MAX_CARDS_PER_PERSON = 10;
    private static final String HASH_PURPOSE = "card";

    private final AccessPolicy policy;
    private final CardStore store;
    private final UserStore users;
    private final Pins pins;
    private final ServerSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cards(AccessPolicy policy, CardStore store, UserStore users, Pins pins, ServerSecrets secrets, ApplicationEventPublisher events,
          Clock clock) {
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.pins = pins;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** Active at once when the owner registers it; otherwise it waits for the owner, who is told by e-mail. */
    @Transactional
    public IdCard register(Actor actor, OrgId org, UserId owner, String number, String label) {
        boolean byOwner = requireSelfOrUserManager(actor, org, owner);
        if (!byOwner) {
            policy.requireManageMember(actor, org, owner);
        }
        String hash = hash(org, normalize(number));
        String cleanLabel = label == null || label.isBlank() ? "Card" : label.strip();
        if (cleanLabel.length() > 100) {
            throw new InvalidInputException("label", "problem.card.label", "a card label has at most 100 characters");
        }
        if (store.cardsOf(org, owner).size() >= MAX_CARDS_PER_PERSON) {
            throw new ConflictException("number", "problem.card.tooMany", "a person can have at most " + MAX_CARDS_PER_PERSON + " cards",
                    MAX_CARDS_PER_PERSON);
        }
        if (store.hashTaken(org, hash)) {
            throw new ConflictException("number", "problem.card.taken", "this card is already registered in the organization");
        }
        Instant now = clock.instant();
        var card = new IdCard(org, UUID.randomUUID(), owner, cleanLabel, now, actor.userId(), byOwner ? now : null);
        store.insert(card, hash);
        events.publishEvent(new CardRegistered(org, owner, card.id(), actor.userId(), card.pending(), now));
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
        events.publishEvent(new CardRemoved(org, owner, cardId, actor.userId(), clock.instant()));
    }

    /** The owner confirms a card someone else registered on their account; only they can. Confirming twice changes nothing. */
    @Transactional
    public IdCard confirm(Actor actor, OrgId org, UserId owner, UUID cardId) {
        policy.requireConfirmOwnCredential(actor, org, owner, "card");
        IdCard card = store.find(org, owner, cardId).orElseThrow(() -> new NotFoundException("card"));
        if (card.pending() && store.confirm(org, owner, cardId, clock.instant())) {
            events.publishEvent(new CardConfirmed(org, owner, cardId, "in the portal", clock.instant()));
        }
        return store.find(org, owner, cardId).orElseThrow(() -> new NotFoundException("card"));
    }

    /**
     * A card presented at a device, with the PIN the person typed along with it, if any. A card
     * waiting for its owner logs in only together with the owner's PIN, which confirms it; a PIN
     * sent along must be the owner's in any case.
     */
    @Transactional
    public CardLogin atDevice(OrgId org, String number, String pin) {
        Optional<IdCard> found;
        try {
            found = store.findByHash(org, hash(org, normalize(number)));
        } catch (InvalidInputException notACardNumber) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return new CardLogin.Refused(null, "unknown card");
        }
        IdCard card = found.get();
        if (pin == null || pin.isEmpty()) {
            return card.pending()
                    ? new CardLogin.Refused(card.userId(), "card added by " + card.addedBy() + " and not yet confirmed by its owner")
                    : new CardLogin.Accepted(card.userId());
        }
        if (!pins.userWithPin(org, pin).map(card.userId()::equals).orElse(false)) {
            return new CardLogin.Refused(card.userId(), "card with a PIN that is not its owner's");
        }
        if (card.pending() && store.confirm(org, card.userId(), card.id(), clock.instant())) {
            events.publishEvent(new CardConfirmed(org, card.userId(), card.id(), "at a printer, with the owner's PIN",
                    clock.instant()));
        }
        return new CardLogin.Accepted(card.userId());
    }

    /** The member whose confirmed card this is; a card waiting for its owner belongs to nobody yet. */
    public Optional<UserId> userWithCard(OrgId org, String number) {
        return atDevice(org, number, null) instanceof CardLogin.Accepted accepted ? Optional.of(accepted.user()) : Optional.empty();
    }

    /** True when the actor is the owner, false when a user manager acts for them. */
    private boolean requireSelfOrUserManager(Actor actor, OrgId org, UserId owner) {
        boolean self = policy.requireOwnCredentialOrUserManager(actor, org, owner);
        if (!users.isMember(org, owner)) {
            throw new NotFoundException("user");
        }
        return self;
    }

    /** Card readers differ in separators and case: "04:a2:1f" and "04A21F" are the same card. */
    static String normalize(String number) {
        String compact = number == null ? "" : number.replaceAll("[\\s:-]", "");
        // check before upper-casing: "ß" would become "SS" and "ı" an "I"
        if (!compact.matches("[0-9A-Za-z]{4,64}")) {
            throw new InvalidInputException("number", "problem.card.number", "a card number has 4 to 64 letters or digits");
        }
        return compact.toUpperCase(Locale.ROOT);
    }

    private String hash(OrgId org, String normalized) {
        return secrets.keyedHash(HASH_PURPOSE + ":" + org, normalized);
    }
}
