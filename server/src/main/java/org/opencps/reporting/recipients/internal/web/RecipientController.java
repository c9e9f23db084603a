package org.opencps.reporting.recipients.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.recipients.ReportRecipient;
import org.opencps.reporting.recipients.ReportRecipients;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Report recipients", description = "Addresses that are not users and receive scheduled reports after confirming once")
class RecipientController {

    private final ReportRecipients recipients;

    RecipientController(ReportRecipients recipients) {
        this.recipients = recipients;
    }

    record NewRecipient(String email, String language) {
    }

    record RecipientResponse(UUID id, String email, String language, ReportRecipient.Status status, Instant addedAt,
                             Instant confirmedAt, Instant unsubscribedAt) {

        static RecipientResponse of(ReportRecipient r) {
            return new RecipientResponse(r.id(), r.email(), r.language(), r.status(), r.addedAt(), r.confirmedAt(), r.unsubscribedAt());
        }
    }

    /** What a confirmation answers: the address, now confirmed. Nothing else of the organization. */
    record ConfirmedResponse(String email, ReportRecipient.Status status) {
    }

    @GetMapping("/api/v1/organizations/{orgId}/report-recipients")
    @Operation(summary = "The organization's report recipients and whether each confirmed or unsubscribed")
    List<RecipientResponse> list(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return recipients.list(actor, orgId).stream().map(RecipientResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{orgId}/report-recipients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a report recipient; it is mailed a link to confirm (valid 7 days) and receives nothing before")
    RecipientResponse add(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @RequestBody NewRecipient body) {
        return RecipientResponse.of(recipients.add(actor, orgId, body.email(), body.language()));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/report-recipients/{recipientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a report recipient; the schedules stop sending to it")
    void remove(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID recipientId) {
        recipients.remove(actor, orgId, recipientId);
    }

    @PostMapping("/api/v1/public/report-recipients/confirmations/{token}")
    @Operation(summary = "Confirm a report recipient with the link from its mail (once, without a login)")
    ConfirmedResponse confirm(@PathVariable String token) {
        ReportRecipient confirmed = recipients.confirm(token);
        return new ConfirmedResponse(confirmed.email(), confirmed.status());
    }

    /** RFC 8058 one-click unsubscribe: mail clients POST {@code List-Unsubscribe=One-Click} here. */
    @PostMapping("/api/v1/public/report-recipients/unsubscribe/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unsubscribe a report recipient from every mail (the link in each mail, without a login)")
    void unsubscribe(@PathVariable String token) {
        recipients.unsubscribe(token);
    }
}
