package org.opencps.portal.internal.me;

import java.util.Map;
import org.opencps.ipp.PrintQueues;
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
 * My print queue: its address with a copy-paste setup for each system, and the secret queue URL
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

    /** A new secret queue URL and the setups that contain it, as the page shows them this once. */
    record NewSecret(String secretUri, String windows, String android, String chromeos) {
    }

    @GetMapping("/queue")
    String queue(Actor actor, Model model) {
        model.addAttribute("setup", queues.setup(actor));
        shownOnce.take(model, actor, SECRET).ifPresent(made -> model.addAttribute("secret",
                new NewSecret(made.get("secretUri"), made.get("windows"), made.get("android"), made.get("chromeos"))));
        return "me/queue";
    }

    @PostMapping("/queue/secret")
    String newSecret(Actor actor, RedirectAttributes flash) {
        SecretQueueSetup made = queues.newSecretSetup(actor);
        var setup = made.instructions();
        shownOnce.keep(flash, actor, SECRET, Map.of("secretUri", made.secretUri(), "windows", setup.windows(),
                "android", setup.android(), "chromeos", setup.chromeos()));
        return "redirect:/queue";
    }

    @PostMapping("/queue/secret/revoke")
    String revoke(Actor actor, RedirectAttributes flash) {
        return Forms.change(flash, "/queue", "queue.revoked", () -> queues.revokeSecret(actor));
    }
}
