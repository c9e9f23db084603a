package org.opencps.portal.internal.release;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencps.devices.DeviceReleases;
import org.opencps.devices.ReleasePrinter;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Release at printer X": the page the QR code on a printer opens (after logging in, if need be),
 * listing the person's held jobs to release there, with copies, colour and sides to change within
 * the organization's policy; and the release buttons of my jobs. Only printers of the organization
 * the person works in can be chosen; each job is released whole or refused with the reason (over
 * quota, say).
 */
@Controller
class ReleasePage {

    private final DeviceReleases releases;
    private final PrintJobs jobs;
    private final PrintReleases printing;

    ReleasePage(DeviceReleases releases, PrintJobs jobs, PrintReleases printing) {
        this.releases = releases;
        this.jobs = jobs;
        this.printing = printing;
    }

    @GetMapping("/release/{deviceId}")
    String page(Actor actor, @PathVariable DeviceId deviceId, Model model) {
        model.addAttribute("printer", printer(actor, deviceId));
        model.addAttribute("jobs", held(actor));
        model.addAttribute("rules", printing.releaseRules(actor));
        model.addAttribute("colours", ReleaseChoices.COLOURS);
        model.addAttribute("sides", ReleaseChoices.SIDES);
        model.addAttribute("maxCopies", ReleaseOptions.MAX_COPIES);
        return "release/release";
    }

    /**
     * Releases, with the copies, colour and sides chosen (within policy, checked again by printing),
     * then redirects back to the page, which shows the outcome once: a reload does not send the
     * release again. A choice that cannot be read releases nothing.
     */
    @PostMapping("/release/{deviceId}")
    String release(Actor actor, @PathVariable DeviceId deviceId, @RequestParam(required = false) List<JobId> jobIds,
                   @RequestParam(required = false) String copies, @RequestParam(required = false) String colorMode,
                   @RequestParam(required = false) String sides, HttpServletRequest request, RedirectAttributes flash) {
        ReleasePrinter printer = printer(actor, deviceId);
        if (jobIds == null || jobIds.isEmpty()) {
            Forms.refused(flash, ProblemTexts.of(new InvalidInputException("jobIds", "problem.release.chooseJob", "choose at least one job to release")), "jobIds");
            return "redirect:/release/" + printer.id();
        }
        try {
            ReleaseOptions options = new ReleaseChoices(copies, colorMode, sides).options(printing.releaseRules(actor));
            Map<JobId, String> names = jobs.mine(actor).stream().collect(Collectors.toMap(PrintJob::id, PrintJob::name));
            var result = releases.releaseToPrinter(actor, printer.id(), jobIds, options, request.getRemoteAddr());
            // plain values: they wait in the session table until the page is shown
            flash.addFlashAttribute("released", result.released().size());
            flash.addFlashAttribute("refusals", new ArrayList<>(result.refused().stream()
                    .map(refusal -> new HashMap<>(Map.of("job", names.getOrDefault(refusal.jobId(), ""), "reason", ProblemTexts.of(refusal.cause(), request))))
                    .toList()));
        } catch (InvalidInputException refused) {
            Forms.refused(flash, ProblemTexts.of(refused), refused.field());
        }
        return "redirect:/release/" + printer.id();
    }

    /** The release button of one job on my jobs page: the refusal's reason comes back as the page's message. */
    @PostMapping("/jobs/{jobId}/release")
    String releaseOne(Actor actor, @PathVariable JobId jobId, @RequestParam(required = false) DeviceId printerId,
                      HttpServletRequest request, RedirectAttributes flash) {
        return Forms.change(flash, "/jobs", "release.done", () -> {
            if (printerId == null) {
                throw new InvalidInputException("printerId", "problem.release.choosePrinter", "choose a printer");
            }
            var result = releases.releaseToPrinter(actor, printerId, List.of(jobId), ReleaseOptions.none(), request.getRemoteAddr());
            if (!result.refused().isEmpty()) {
                RuntimeException cause = result.refused().getFirst().cause();
                throw cause instanceof NotFoundException
                        ? new InvalidInputException("job", "problem.release.jobGone", "this job is no longer there to release") : cause;
            }
        });
    }

    private ReleasePrinter printer(Actor actor, DeviceId deviceId) {
        return releases.releasePrinters(actor).stream().filter(p -> p.id().equals(deviceId)).findFirst()
                .orElseThrow(() -> new NotFoundException("printer"));
    }

    private List<PrintJob> held(Actor actor) {
        return jobs.mine(actor).stream().filter(job -> job.state() == PrintJob.State.HELD).toList();
    }
}
