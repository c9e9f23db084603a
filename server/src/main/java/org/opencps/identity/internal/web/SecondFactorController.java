package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.opencps.identity.SecondFactors;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Second factor", description = "The logged-in person's authenticator app (TOTP) and recovery codes")
@RestController
@RequestMapping("/api/v1/me/second-factor")
class SecondFactorController {

    private final SecondFactors factors;

    SecondFactorController(SecondFactors factors) {
        this.factors = factors;
    }

    record Code(@NotBlank @Size(max = 64) String code) {
    }

    /** Shown once: only their keyed hashes are kept. */
    record RecoveryCodes(List<String> recoveryCodes) {
    }

    @Operation(summary = "Whether an authenticator app is set up, and how many recovery codes are left")
    @GetMapping
    SecondFactors.Status status(Actor actor) {
        return factors.status(actor.userId());
    }

    @Operation(summary = "Start setting up an authenticator app: its secret, as text and as the otpauth address of the QR code")
    @PostMapping("/totp")
    SecondFactors.TotpEnrolment startTotp(Actor actor) {
        return factors.startTotp(actor.userId());
    }

    @Operation(summary = "Confirm the app with its current code; the answer holds the 10 recovery codes, shown this once")
    @PostMapping("/totp/confirm")
    RecoveryCodes confirmTotp(Actor actor, @Valid @RequestBody Code body) {
        return new RecoveryCodes(factors.confirmTotp(actor.userId(), body.code()));
    }

    @Operation(summary = "Remove the authenticator app and the recovery codes")
    @DeleteMapping("/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTotp(Actor actor) {
        factors.removeTotp(actor.userId());
    }

    @Operation(summary = "New recovery codes, shown this once; the earlier ones stop working")
    @PostMapping("/recovery-codes")
    RecoveryCodes newRecoveryCodes(Actor actor) {
        return new RecoveryCodes(factors.newRecoveryCodes(actor.userId()));
    }
}
