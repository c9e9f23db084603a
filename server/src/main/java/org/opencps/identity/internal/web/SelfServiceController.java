package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencps.identity.PasswordResets;
import org.opencps.identity.SignUps;
import org.opencps.platform.captcha.ProofOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Self service", description = "Sign-up with e-mail verification, and password reset")
@RestController
@RequestMapping("/api/v1/auth")
class SelfServiceController {

    private final SignUps signUps;
    private final PasswordResets resets;

    SelfServiceController(SignUps signUps, PasswordResets resets) {
        this.signUps = signUps;
        this.resets = resets;
    }

    record SignUp(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
                  @NotNull @Size(max = 1024) String password) {
    }

    record Token(@NotBlank @Size(max = 200) String token) {
    }

    record ResetRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 4096) String altcha) {
    }

    record ResetCompletion(@NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1024) String newPassword) {
    }

    @Operation(summary = "Sign up; the account works once its e-mail address is verified")
    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void signUp(@Valid @RequestBody SignUp body, HttpServletRequest request) {
        signUps.signUp(body.email(), body.displayName(), body.password(), request.getRemoteAddr());
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@Valid @RequestBody Token body) {
        signUps.verify(body.token());
    }

    @Operation(summary = "A proof-of-work challenge (ALTCHA) for the password reset form")
    @GetMapping("/challenge")
    ProofOfWork.Challenge challenge() {
        return resets.challenge();
    }

    @Operation(summary = "Ask for a reset link; the answer is the same whether or not the address has an account")
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        resets.request(body.email(), body.altcha(), request.getRemoteAddr());
    }

    @PostMapping("/password-reset/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void completeReset(@Valid @RequestBody ResetCompletion body) {
        resets.complete(body.token(), body.newPassword());
    }
}
