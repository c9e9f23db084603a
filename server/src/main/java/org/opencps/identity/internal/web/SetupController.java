package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.opencps.identity.FirstStart;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Setup", description = "First start without bootstrap variables: the one-time setup link")
@RestController
class SetupController {

    private final FirstStart firstStart;

    SetupController(FirstStart firstStart) {
        this.firstStart = firstStart;
    }

    record Setup(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 200) String organizationName,
                 @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
                 @NotNull @Size(max = 1024) String password) {
    }

    record SetupDone(UUID adminUserId) {
    }

    @Operation(summary = "Create the root provider and its first admin with the token printed in the log")
    @PostMapping("/api/v1/setup")
    @ResponseStatus(HttpStatus.CREATED)
    SetupDone setUp(@Valid @RequestBody Setup body) {
        return new SetupDone(firstStart.completeSetup(body.token(), body.organizationName(), body.email(),
                body.displayName(), body.password()).value());
    }
}
