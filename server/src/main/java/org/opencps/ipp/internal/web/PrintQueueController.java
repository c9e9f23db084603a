package org.opencps.ipp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.PrintQueues;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Print queue", description = "The person's own IPP Everywhere print queue and how to add it on each system")
@RestController
@RequestMapping("/api/v1/me/print-queue")
class PrintQueueController {

    private final PrintQueues queues;
    private final QueueUrls urls;

    PrintQueueController(PrintQueues queues, QueueUrls urls) {
        this.queues = queues;
        this.urls = urls;
    }

    record QueueResponse(UUID queueId, String printerUri, String signIn, boolean secretUriActive, Instant secretChangedAt,
                         SetupInstructions.Setup setup) {
    }

    record SecretResponse(String secretUri, String windowsPortName, SetupInstructions.SecretSetup setup, Instant createdAt) {
    }

    @Operation(summary = "My print queue in the selected organization (made on first use), with the setup for each system")
    @GetMapping
    QueueResponse queue(Actor actor) {
        PrintQueue queue = queues.mine(actor);
        return new QueueResponse(queue.id(), urls.queue(queue.id()), SetupInstructions.SIGN_IN, queue.hasSecretUrl(),
                queue.secretRotatedAt(), SetupInstructions.setup(urls, queue.id()));
    }

    @Operation(summary = "Create or regenerate my secret queue URL (for Windows and Android); shown in this response only, "
            + "the previous one stops working")
    @PostMapping("/secret")
    @ResponseStatus(HttpStatus.CREATED)
    SecretResponse newSecret(Actor actor) {
        var created = queues.newSecret(actor);
        return new SecretResponse(urls.secret(created.secret()), urls.secretHttp(created.secret()),
                SetupInstructions.secretSetup(urls, created.secret()), created.queue().secretRotatedAt());
    }

    @Operation(summary = "Revoke my secret queue URL")
    @DeleteMapping("/secret")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSecret(Actor actor) {
        queues.revokeSecret(actor);
    }
}
