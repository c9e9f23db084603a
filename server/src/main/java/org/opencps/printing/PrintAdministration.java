package org.opencps.printing;

import java.time.Clock;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.documents.DocumentKeyset;
import org.opencps.documents.Documents;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.internal.persistence.PrintSettingsStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's print settings and its document keys, for its admins. Key rotation is asked
 * for here because the documents module checks no access (it knows nothing of people).
 */
@Service
public class PrintAdministration {

    private final AccessPolicy policy;
    private final PrintSettingsStore settings;
    private final Documents documents;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PrintAdministration(AccessPolicy policy, PrintSettingsStore settings, Documents documents, Clock clock,
                        ApplicationEventPublisher events) {
        this.policy = policy;
        this.settings = settings;
        this.documents = documents;
        this.clock = clock;
        this.events = events;
    }

    public PrintSettings settings(Actor actor, OrgId org) {
        policy.require(actor, Permission.SETTINGS_VIEW, org);
        return settings.find(org);
    }

    /** Saving the settings as they are is no change: only a real one moves {@link PrintJobs#settingsChangedAt}. */
    @Transactional
    public PrintSettings updateSettings(Actor actor, OrgId org, PrintSettings changed) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        if (changed.allowedFormats().isEmpty()) {
            throw new InvalidInputException("allowedFormats", "problem.print.noFormat", "allow at least one document format");
        }
        Integer max = changed.maxPagesPerJob();
        if (max != null && (max < 1 || max > PrintSettings.MAX_PAGES_PER_JOB_LIMIT)) {
            throw new InvalidInputException("maxPagesPerJob", "problem.print.maxPages", "the maximum pages per job must be between 1 and "
                    + PrintSettings.MAX_PAGES_PER_JOB_LIMIT + ", or null for no limit", PrintSettings.MAX_PAGES_PER_JOB_LIMIT);
        }
        PrintSettings before = settings.find(org);
        if (!changed.equals(before)) {
            settings.save(org, changed, clock.instant());
            events.publishEvent(new PrintSettingsChanged(org, actor.userId(), before, changed, clock.instant()));
        }
        return changed;
    }

    /** Starts encrypting new documents with a new key at once; older documents stay readable. */
    public DocumentKeyset rotateDocumentKey(Actor actor, OrgId org) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        return documents.rotateKey(org, actor.userId());
    }
}
