package org.opencps.devices.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.opencps.devices.ActivationCode;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.IssuedActivationCode;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Devices", description = "An organization's printers and edge agents, for those with device permissions")
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/devices/activation-codes")
class ActivationCodesController {

    private final ActivationCodes codes;

    ActivationCodesController(ActivationCodes codes) {
        this.codes = codes;
    }

    /** {@code validityHours}: 1 to 720, 24 when left out. */
    record NewCode(Integer validityHours, String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a one-time activation code; the code is shown only in this answer")
    IssuedActivationCode create(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                                @RequestBody(required = false) NewCode body) {
        NewCode request = body == null ? new NewCode(null, null) : body;
        return codes.create(actor, orgId, request.validityHours(), request.note());
    }

    @GetMapping
    List<ActivationCode> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return codes.list(actor, orgId);
    }

    @DeleteMapping("/{codeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID codeId) {
        codes.revoke(actor, orgId, codeId);
    }
}
