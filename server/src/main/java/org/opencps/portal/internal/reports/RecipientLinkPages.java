package org.opencps.portal.internal.reports;

import org.opencps.reporting.recipients.ReportRecipient;
import org.opencps.reporting.recipients.ReportRecipients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The two links mailed to a report recipient, without a login: each opens a page with a button,
 * and only that press (a POST) confirms or unsubscribes, not a mail scanner that fetches every
 * link. An unknown, used or expired link shows the not-found page. Nothing else is shown.
 */
@Controller
class RecipientLinkPages {

    private final ReportRecipients recipients;

    RecipientLinkPages(ReportRecipients recipients) {
        this.recipients = recipients;
    }

    @GetMapping("/report-recipients/confirm/{token}")
    String confirmForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "reports/recipient-confirm";
    }

    @PostMapping("/report-recipients/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        ReportRecipient confirmed = recipients.confirm(token);
        model.addAttribute("email", confirmed.email());
        model.addAttribute("done", "recipientLink.confirmed");
        return "reports/recipient-done";
    }

    @GetMapping("/report-recipients/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model) {
        model.addAttribute("email", recipients.addressOfUnsubscribeLink(token));
        model.addAttribute("token", token);
        return "reports/recipient-unsubscribe";
    }

    @PostMapping("/report-recipients/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        model.addAttribute("email", recipients.addressOfUnsubscribeLink(token));
        recipients.unsubscribe(token);
        model.addAttribute("done", "recipientLink.unsubscribed");
        return "reports/recipient-done";
    }
}
