package org.opencps.ipp.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.PrintQueues;
import org.opencps.ipp.QueueSetup;
import org.opencps.ipp.SecretQueueSetup;
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

    PrintQueueController(PrintQueues queues) {
        this.queues = queues;
    }

    record QueueResponse(UUID queueId, String printerUri, String signIn, boolean secretUriActive, Instant secretChangedAt,
                         QueueSetup.Instructions setup) {
    }

    record SecretResponse(String secretUri, String windowsPortName, SecretQueueSetup.Instructions setup, Instant createdAt) {
    }

    @Operation(summary = "My print queue in the selected organization (made on first use), with the setup for each system")
    @GetMapping
    QueueResponse queue(Actor actor) {
        QueueSetup setup = queues.setup(actor);
        PrintQueue queue = setup.queue();
        return new QueueResponse(queue.id(), setup.printerUri(), setup.signIn(), queue.hasSecretUrl(),
                queue.secretRotatedAt(), setup.instructions());
    }

    @Operation(summary = "Create or regenerate my secret queue URL (for Windows and Android); shown in this response only, "
            + "the previous one stops working")
    @PostMapping("/secret")
    @ResponseStatus(HttpStatus.CREATED)
    SecretResponse newSecret(Actor actor) {
        SecretQueueSetup created = queues.newSecretSetup(actor);
        return new SecretResponse(created.secretUri(), created.windowsPortName(), created.instructions(), created.createdAt());
    }

    @Operation(summary = "Revoke my secret queue URL")
    @DeleteMapping("/secret")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSecret(Actor actor) {
        queues.revokeSecret(actor);
    }
}
