package org.opencps.portal.internal.cloud;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ProviderAuthorization;
import org.opencps.scanning.cloud.CloudAccounts;
import org.opencps.scanning.cloud.CloudService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My linked cloud accounts: link (off to the provider and back to the callback), unlink, and the
 * SharePoint drive scans go to. The provider's redirect back lands on the callback, which only the
 * person who began the link can complete.
 */
@Controller
class LinkedAccountsPage {

    private static final String PAGE = "/cloud-accounts";

    private final CloudAccounts accounts;

    LinkedAccountsPage(CloudAccounts accounts) {
        this.accounts = accounts;
    }

    /** One service as the page lists it. */
    record Row(String service, boolean available, CloudAccounts.LinkedAccount linked) {
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model) {
        Map<CloudService, CloudAccounts.LinkedAccount> linked = accounts.mine(actor).stream()
                .collect(Collectors.toMap(CloudAccounts.LinkedAccount::service, Function.identity()));
        List<Row> rows = Arrays.stream(CloudService.values())
                .map(s -> new Row(s.name().toLowerCase(Locale.ROOT), accounts.available(actor, s), linked.get(s))).toList();
        model.addAttribute("services", rows);
        return "cloud/accounts";
    }

    @PostMapping(PAGE + "/{service}/link")
    String link(Actor actor, @PathVariable String service, RedirectAttributes flash, Model model) {
        URI[] authorization = {null};
        String back = Forms.change(flash, PAGE, null, () -> authorization[0] = accounts.beginLink(actor, service(service)));
        return authorization[0] == null ? back
                : ProviderAuthorization.page(model, authorization[0], "cloud.service." + service(service).name().toLowerCase(Locale.ROOT));
    }

    @GetMapping(PAGE + "/callback")
    String callback(Actor actor, @RequestParam(required = false) String state, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String error, RedirectAttributes flash) {
        if (error != null) {
            flash.addFlashAttribute(Forms.NOTICE, "cloud.declined");
            return "redirect:" + PAGE;
        }
        return Forms.change(flash, PAGE, "cloud.linked", () -> accounts.completeLink(actor, state, code));
    }

    @PostMapping(PAGE + "/{service}/unlink")
    String unlink(Actor actor, @PathVariable String service, RedirectAttributes flash) {
        return Forms.change(flash, PAGE, "cloud.unlinked", () -> accounts.unlink(actor, service(service)));
    }

    @PostMapping(PAGE + "/sharepoint/drive")
    String drive(Actor actor, @RequestParam(defaultValue = "") String driveId, RedirectAttributes flash) {
        return Forms.change(flash, PAGE, "cloud.driveChosen", () -> accounts.chooseSharePointDrive(actor, driveId.strip()));
    }

    private static CloudService service(String name) {
        try {
            return CloudService.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("cloud service");
        }
    }
}
