package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.opencps.identity.Cards;
import org.opencps.identity.IdCard;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "ID cards", description = "Cards for login at a device, by their owner or an admin")
@RestController
class CardsController {

    private final Cards cards;

    CardsController(Cards cards) {
        this.cards = cards;
    }

    record NewCard(@NotBlank @Size(max = 100) String number, @Size(max = 100) String label) {
    }

    @GetMapping("/api/v1/me/cards")
    List<IdCard> mine(Actor actor) {
        return cards.cards(actor, actor.requireOrganization(), actor.userId());
    }

    @PostMapping("/api/v1/me/cards")
    @ResponseStatus(HttpStatus.CREATED)
    IdCard registerMine(Actor actor, @Valid @RequestBody NewCard body) {
        return cards.register(actor, actor.requireOrganization(), actor.userId(), body.number(), body.label());
    }

    @Operation(summary = "Confirm a card someone else registered on my account; until then it logs nobody in")
    @PostMapping("/api/v1/me/cards/{cardId}/confirm")
    IdCard confirmMine(Actor actor, @PathVariable UUID cardId) {
        return cards.confirm(actor, actor.requireOrganization(), actor.userId(), cardId);
    }

    @DeleteMapping("/api/v1/me/cards/{cardId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMine(Actor actor, @PathVariable UUID cardId) {
        cards.remove(actor, actor.requireOrganization(), actor.userId(), cardId);
    }

    @GetMapping("/api/v1/organizations/{orgId}/members/{userId}/cards")
    List<IdCard> ofMember(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        return cards.cards(actor, orgId, userId);
    }

    @Operation(summary = "Register a card for a member; it waits for the member's confirmation, and they are told by e-mail")
    @PostMapping("/api/v1/organizations/{orgId}/members/{userId}/cards")
    @ResponseStatus(HttpStatus.CREATED)
    IdCard register(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, @Valid @RequestBody NewCard body) {
        return cards.register(actor, orgId, userId, body.number(), body.label());
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/members/{userId}/cards/{cardId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, @PathVariable UUID cardId) {
        cards.remove(actor, orgId, userId, cardId);
    }
}
