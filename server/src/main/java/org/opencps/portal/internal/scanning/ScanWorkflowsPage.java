package org.opencps.portal.internal.scanning;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.identity.Groups;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.NewScanWorkflow;
import org.opencps.scanning.ScanAdministration;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanOptions;
import org.opencps.scanning.ScanWorkflows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's address book and scan workflows, for those with the scan-workflows
 * permission (customer admins, or a custom role carrying it). Groups to share with are offered
 * when the person may see them; a workflow's password is asked once and never shown again.
 */
@Controller
class ScanWorkflowsPage {

    private final ScanAdministration administration;
    private final ScanWorkflows workflows;
    private final Groups groups;
    private final Capabilities capabilities;

    ScanWorkflowsPage(ScanAdministration administration, ScanWorkflows workflows, Groups groups, Capabilities capabilities) {
        this.administration = administration;
        this.workflows = workflows;
        this.groups = groups;
        this.capabilities = capabilities;
    }

    /** The form's fields, as the browser sends them (an unticked box is not sent at all). */
    record WorkflowForm(String name, String kind, String address, List<String> formats, String color, String resolution,
                        Boolean duplex, String fileNamePattern, Boolean encryptPdf, String password, Boolean everyone,
                        List<UUID> groups) {

        NewScanWorkflow request() {
            ScanOptions options = new ScanOptions(chosenFormats(), choice("options.color", ScanOptions.ColorMode.class, color),
                    chosenResolution(), Boolean.TRUE.equals(duplex), Forms.blankToNull(fileNamePattern), Boolean.TRUE.equals(encryptPdf));
            return new NewScanWorkflow(name, choice("kind", DestinationKind.class, kind), Forms.blankToNull(address), options,
                    options.encryptPdf() ? password : null, Boolean.TRUE.equals(everyone),
                    groups == null ? Set.of() : new HashSet<>(groups));
        }

        private Set<ScanFormat> chosenFormats() {
            Set<ScanFormat> chosen = EnumSet.noneOf(ScanFormat.class);
            for (String format : formats == null ? List.<String>of() : formats) {
                chosen.add(choice("options.formats", ScanFormat.class, format));
            }
            return chosen;
        }

        private int chosenResolution() {
            try {
                return Integer.parseInt(resolution == null ? "" : resolution.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("options.resolution", "problem.scan.chooseResolution", "choose a resolution");
            }
        }

        private static <E extends Enum<E>> E choice(String field, Class<E> type, String name) {
            try {
                return Enum.valueOf(type, name == null ? "" : name);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "problem.choice.offered", "choose one of the offered values for " + field);
            }
        }

        @Override
        public String toString() {
            return "WorkflowForm[name=" + name + ", kind=" + kind + "]";
        }
    }

    @GetMapping("/orgs/{orgId}/scan-workflows")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("addresses", administration.addressBook(actor, orgId));
        model.addAttribute("workflows", workflows.list(actor, orgId));
        var shareable = capabilities.has(actor, Permission.GROUPS_VIEW, orgId) ? groups.list(actor, orgId) : List.of();
        model.addAttribute("groups", shareable);
        model.addAttribute("kinds", DestinationKind.values());
        model.addAttribute("formats", ScanFormat.values());
        model.addAttribute("colors", ScanOptions.ColorMode.values());
        model.addAttribute("resolutions", ScanOptions.RESOLUTIONS.stream().sorted().toList());
        model.addAttribute("defaults", ScanOptions.defaults());
        model.addAttribute("orgId", orgId);
        return "scanning/workflows";
    }

    @PostMapping("/orgs/{orgId}/scan-addresses")
    String addAddress(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String email, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "scanWorkflows.addressAdded", () -> administration.addAddress(actor, orgId, name, email));
    }

    @PostMapping("/orgs/{orgId}/scan-addresses/{addressId}/delete")
    String removeAddress(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID addressId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "scanWorkflows.addressRemoved", () -> administration.removeAddress(actor, orgId, addressId));
    }

    @PostMapping("/orgs/{orgId}/scan-workflows")
    String create(Actor actor, @PathVariable OrgId orgId, WorkflowForm form, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "scanWorkflows.created", () -> workflows.create(actor, orgId, form.request()));
    }

    @PostMapping("/orgs/{orgId}/scan-workflows/{workflowId}/delete")
    String delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID workflowId, RedirectAttributes flash) {
        return Forms.change(flash, page(orgId), "scanWorkflows.deleted", () -> workflows.delete(actor, orgId, workflowId));
    }

    private static String page(OrgId orgId) {
        return "/orgs/" + orgId + "/scan-workflows";
    }
}
