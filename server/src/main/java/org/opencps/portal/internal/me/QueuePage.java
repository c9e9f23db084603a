package org.opencps.portal.internal.me;

import org.opencps.ipp.PrintQueues;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My print queue: its address with a copy-paste setup for each system, and the secret queue URL
 * for systems that send no password. A new secret is shown on the answer to its POST only, never
 * stored, never put in a URL.
 */
@Controller
class QueuePage {

    private final PrintQueues queues;

    QueuePage(PrintQueues queues) {
        this.queues = queues;
    }

    @GetMapping("/queue")
    String queue(Actor actor, Model model) {
        model.addAttribute("setup", queues.setup(actor));
        return "me/queue";
    }

    @PostMapping("/queue/secret")
    String newSecret(Actor actor, Model model) {
        model.addAttribute("secret", queues.newSecretSetup(actor));
        model.addAttribute("setup", queues.setup(actor));
        return "me/queue";
    }

    @PostMapping("/queue/secret/revoke")
    String revoke(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, "/queue", "queue.revoked", () -> queues.revokeSecret(actor));
    }
}
