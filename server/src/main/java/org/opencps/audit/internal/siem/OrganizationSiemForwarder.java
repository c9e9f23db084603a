package org.opencps.audit.internal.siem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.audit.internal.persistence.OrganizationSiemStore;
import org.opencps.audit.internal.persistence.SiemOutbox;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Forwards each organization's audit records to its own SIEM target, besides the deployment's: at least once and in
 * order, from the organization's cursor, in one process at a time (ShedLock), never on a request's path. A target that
 * fails waits before its next attempt, doubling from the send interval up to an hour, and keeps the failure's kind for
 * its admins to read; the others carry on. Only the organization's own chain is read for its target.
 */
@Component
class OrganizationSiemForwarder {

    static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OrganizationSiemForwarder.class);

    private final OrganizationSiemStore targets;
    private final SiemOutbox outbox;
    private final SiemProperties properties;
    private final SiemAddresses addresses;
    private final Clock clock;
    private final String hostname;

    OrganizationSiemForwarder(OrganizationSiemStore targets, SiemOutbox outbox, SiemProperties properties, SiemAddresses addresses,
                              MeterRegistry registry, Clock clock) {
        this.targets = targets;
        this.outbox = outbox;
        this.properties = properties;
        this.addresses = addresses;
        this.clock = clock;
        this.hostname = properties.hostname() == null || properties.hostname().isBlank()
                ? SiemForwarder.localHostname() : properties.hostname();
        Gauge.builder("opencps.siem.backlog", targets, OrganizationSiemStore::backlog).baseUnit("records")
                .description("Audit records not yet delivered to the SIEM").tag("target", OrganizationSiemStore.CURSOR_TARGET)
                .register(registry);
    }

    /** Void: when another process holds the lock, ShedLock skips the call. */
    @SchedulerLock(name = "audit.forwardToOrganizationSiems", lockAtMostFor = "PT15M")
    public void forward() {
        for (OrganizationSiemStore.Row target : targets.due(clock.instant())) {
            try {
                boolean sent = send(target);
                targets.delivered(target.orgId(), clock.instant(), sent);
            } catch (IOException | RuntimeException e) {
                Instant now = clock.instant();
                targets.failed(target.orgId(), errorKind(e), now, now.plus(backoff(target.failures() + 1)));
                log.info("Could not forward organization {}'s audit records to its SIEM at {}:{} ({}); they wait and are sent again",
                        target.orgId(), target.host(), target.port(), e.toString());
            }
        }
    }

    /** Sends everything after the organization's cursor; true when there was something to send. */
    private boolean send(OrganizationSiemStore.Row row) throws IOException {
        UUID org = row.orgId();
        var siem = new SiemTarget(OrganizationSiemStore.CURSOR_TARGET, SiemTarget.Transport.TLS, row.host(), row.port(),
                SiemTarget.Format.valueOf(row.format()), null, properties.facility(), hostname, properties.timeout());
        var transport = new SyslogTransport(siem, TrustedCertificates.parse("trustedCertificates", row.trustedCertificates())
                .tlsContext(), addresses::allowed);
        var syslog = new Syslog5424(siem.facility(), siem.hostname(), "opencps");
        var format = MessageFormat.of(siem.format());
        boolean sent = false;
        while (true) {
            List<AuditRecord> batch = outbox.next(OrganizationSiemStore.CURSOR_TARGET, org, properties.batchSize());
            if (batch.isEmpty()) {
                return sent;
            }
            List<byte[]> messages = new ArrayList<>(batch.size());
            for (AuditRecord record : batch) {
                messages.add(syslog.message(record, format.format(record, ProductName.version())));
            }
            transport.send(messages);
            outbox.advance(OrganizationSiemStore.CURSOR_TARGET, org, batch.getLast().id(), clock.instant());
            sent = true;
            if (batch.size() < properties.batchSize()) {
                return true;
            }
        }
    }

    /** The wait after the n-th failure in a row: the send interval, doubled with each further failure, at most an hour. */
    private Duration backoff(int failures) {
        Duration wait = properties.sendInterval().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    /** What kind of failure it was, as the portal names it ({@code audit.siem.error.<kind>}). */
    static String errorKind(Exception e) {
        return switch (e) {
            case SyslogTransport.AddressNotAllowed ignored -> "address";
            case UnknownHostException ignored -> "unknownHost";
            case SSLException ignored -> "tls";
            case SocketTimeoutException ignored -> "timeout";
            case ConnectException ignored -> "unreachable";
            case IOException ignored -> "connection";
            default -> "internal";
        };
    }

    /** Runs {@code audit.forwardToOrganizationSiems} once per period across the server processes. */
    @Bean
    static PeriodicJob forwardToOrganizationSiemsPeriodically(OrganizationSiemForwarder organizationSiemForwarder,
                                                              @Value("${opencps.siem.send-interval:5s}") Duration every) {
        return new PeriodicJob("audit.forwardToOrganizationSiems", every, every, Duration.parse("PT15M"),
                organizationSiemForwarder::forward);
    }
}
