package org.opencps.portal.internal.me;

import java.util.Map;
import org.opencps.ipp.PrintQueues;
import org.opencps.ipp.QueueSetup;
import org.opencps.ipp.SecretQueueSetup;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ShownOnce;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My print queue: its address with the setup steps of each system in the page's language, and the secret queue URL
 * for systems that send no password. A new secret is shown once, on the page its POST redirects
 * to (see {@link ShownOnce}), never put in a URL; the queue keeps only its hash.
 */
@Controller
class QueuePage {

    private static final String SECRET = "queueSecret";

    private final PrintQueues queues;
    private final ShownOnce shownOnce;

    QueuePage(PrintQueues queues, ShownOnce shownOnce) {
        this.queues = queues;
        this.shownOnce = shownOnce;
    }

    /** A new secret queue URL and its Windows command, as the page shows them this once. */
    record NewSecret(String secretUri, String path, String windows) {
    }

    @GetMapping("/queue")
    String queue(Actor actor, Model model) {
        QueueSetup setup = queues.setup(actor);
        model.addAttribute("setup", setup);
        model.addAttribute("address", QueueAddress.of(setup.printerUri()));
        shownOnce.take(model, actor, SECRET).ifPresent(made -> model.addAttribute("secret",
                new NewSecret(made.get("secretUri"), QueueAddress.of(made.get("secretUri")).path(), made.get("windows"))));
        return "me/queue";
    }

    @PostMapping("/queue/secret")
    String newSecret(Actor actor, RedirectAttributes flash) {
        SecretQueueSetup made = queues.newSecretSetup(actor);
        shownOnce.keep(flash, actor, SECRET, Map.of("secretUri", made.secretUri(), "windows", made.instructions().windows()));
        return "redirect:/queue";
    }

    @PostMapping("/queue/secret/revoke")
    String revoke(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, "/queue", "queue.revoked", () -> queues.revokeSecret(actor));
    }
}
