package org.opencps.reporting.schedule.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opencps.identity.Users;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.security.Actor;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.mail.Mailer;
import org.opencps.platform.mail.OutgoingMail;
import org.opencps.reporting.recipients.ReportRecipient;
import org.opencps.reporting.recipients.ReportRecipients;
import org.opencps.reporting.recipients.internal.RecipientMails;
import org.opencps.reporting.schedule.RenderedReport;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ReportSchedule;
import org.opencps.reporting.schedule.ScheduledReportKind;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders one period of a schedule, once per language, and mails it: to the people of the
 * organization it names (while they are members) and to its report recipients (while confirmed,
 * with their unsubscribe link). Each address is recorded as served right after its mail. The report
 * is rendered in the name of the schedule's creator.
 */
@Component
class ScheduledReportSender {

    private final ReportKinds kinds;
    private final Users users;
    private final ReportRecipients recipients;
    private final RecipientMails recipientMails;
    private final Mailer mailer;
    private final Organizations organizations;
    private final MessageSource messages;

    ScheduledReportSender(ReportKinds kinds, Users users, ReportRecipients recipients, RecipientMails recipientMails,
                          Mailer mailer, Organizations organizations, MessageSource messages) {
        this.kinds = kinds;
        this.users = users;
        this.recipients = recipients;
        this.recipientMails = recipientMails;
        this.mailer = mailer;
        this.organizations = organizations;
        this.messages = messages;
    }

    record Content(String subject, String body, List<OutgoingMail.Attachment> files) {
    }

    /** Whether the schedule's creator may still see its report (the access policy decides, through the kind). */
    boolean creatorMaySee(ReportSchedule schedule) {
        ScheduledReportKind kind = kinds.find(schedule.kind())
                .orElseThrow(() -> new IllegalStateException("no report kind " + schedule.kind()));
        try {
            kind.requireView(creatorOf(schedule), schedule.orgId());
            return true;
        } catch (ForbiddenException | NotFoundException refused) {
            return false;
        }
    }

    private static Actor creatorOf(ReportSchedule schedule) {
        return new Actor(schedule.createdBy(), schedule.orgId());
    }

    void send(ReportSchedule schedule, ReportPeriod period, ZoneId zone, Consumer<String> delivered, Set<String> alreadyServed) {
        ScheduledReportKind kind = kinds.find(schedule.kind())
                .orElseThrow(() -> new IllegalStateException("no report kind " + schedule.kind()));
        String organization = organizations.find(schedule.orgId()).map(Organization::name).orElseThrow();
        Map<String, Content> byLanguage = new HashMap<>();
        Set<String> served = new java.util.HashSet<>(alreadyServed);
        for (UserId person : schedule.people()) {
            String address = users.addressOfMember(schedule.orgId(), person).orElse(null);
            if (address == null || !served.add(address)) {
                continue;
            }
            Content c = byLanguage.computeIfAbsent(schedule.language(), lang -> render(kind, schedule, period, zone, organization, lang));
            mailer.send(new OutgoingMail(address, c.subject(), c.body(), Map.of(), c.files()));
            delivered.accept(address);
        }
        for (ReportRecipient recipient : recipients.confirmedAmong(schedule.orgId(), schedule.recipients())) {
            if (!served.add(recipient.email())) {
                continue;
            }
            Content c = byLanguage.computeIfAbsent(recipient.language(), lang -> render(kind, schedule, period, zone, organization, lang));
            recipientMails.sendReport(recipient, c.subject(), c.body(), c.files());
            delivered.accept(recipient.email());
        }
    }

    private Content render(ScheduledReportKind kind, ReportSchedule schedule, ReportPeriod period, ZoneId zone,
                           String organization, String language) {
        Locale locale = Locale.forLanguageTag(language);
        List<OutgoingMail.Attachment> files = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            if (schedule.formats().contains(format)) {
                RenderedReport report = kind.render(creatorOf(schedule), schedule.orgId(), period, zone, format, locale);
                files.add(new OutgoingMail.Attachment(report.fileName(), format.contentType(), report.content()));
            }
        }
        String title = messages.getMessage("reportKind." + kind.id(), null, kind.id(), locale);
        String subject = messages.getMessage("schedule.mail.subject",
                new Object[] {title, organization, period.start().toString(), period.lastDay().toString()}, locale);
        String names = files.stream().map(f -> "- " + f.fileName()).collect(Collectors.joining("\n"));
        String body = messages.getMessage("schedule.mail.body",
                new Object[] {title, organization, period.start().toString(), period.lastDay().toString(), names}, locale);
        return new Content(subject, body, files);
    }
}
