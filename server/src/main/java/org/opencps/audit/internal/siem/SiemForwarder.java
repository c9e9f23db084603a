package org.opencps.audit.internal.siem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.audit.internal.persistence.SiemOutbox;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Forwards the audit trail to the deployment's SIEM, at least once and in order per organization:
 * on a schedule, in one process at a time (ShedLock), it sends each organization's records after its
 * cursor in batches and moves the cursor only once a batch was taken. A SIEM that is down or slow
 * holds up only this job (on its own virtual thread); requests never wait for it, and the records
 * wait in the database across restarts. The backlog is the metric {@code opencps_siem_backlog_records}.
 */
@Component
class SiemForwarder {

    private static final Logger log = LoggerFactory.getLogger(SiemForwarder.class);

    private final SiemOutbox outbox;
    private final SiemProperties properties;
    private final Optional<SiemTarget> target;
    private final SyslogTransport transport;
    private final Syslog5424 syslog;
    private final MessageFormat format;
    private final Clock clock;
    private final Counter failures;
    private final Counter sent;
    private volatile boolean failing;

    SiemForwarder(SiemOutbox outbox, SiemProperties properties, SslBundles sslBundles, MeterRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.target = properties.deploymentTarget(localHostname());
        this.transport = target.map(t -> new SyslogTransport(t, tlsContext(t, sslBundles))).orElse(null);
        this.syslog = target.map(t -> new Syslog5424(t.facility(), t.hostname(), "opencps")).orElse(null);
        this.format = target.map(t -> MessageFormat.of(t.format())).orElse(null);
        String name = target.map(SiemTarget::name).orElse(SiemProperties.DEPLOYMENT_TARGET);
        this.failures = Counter.builder("opencps.siem.send.failures").description("Batches a SIEM did not take (sent again later)")
                .tag("target", name).register(registry);
        this.sent = Counter.builder("opencps.siem.sent.records").description("Audit records a SIEM took")
                .tag("target", name).register(registry);
        Gauge.builder("opencps.siem.backlog", this, SiemForwarder::backlog).baseUnit("records")
                .description("Audit records not yet delivered to the SIEM").tag("target", name).register(registry);
    }

    private static SSLContext tlsContext(SiemTarget target, SslBundles bundles) {
        return target.transport() == SiemTarget.Transport.TLS ? bundles.getBundle(target.sslBundle()).createSslContext() : null;
    }

    /** Void: when another process holds the lock, ShedLock skips the call. */
    @SchedulerLock(name = "audit.forwardToSiem", lockAtMostFor = "PT15M")
    public void forward() {
        if (target.isEmpty()) {
            return;
        }
        String name = target.get().name();
        try {
            for (UUID orgKey : outbox.pending(name).keySet()) {
                forwardOrganization(name, orgKey);
            }
            if (failing) {
                failing = false;
                log.info("Forwarding audit records to the SIEM at {}:{} works again", target.get().host(), target.get().port());
            }
        } catch (IOException e) {
            failures.increment();
            if (!failing) {
                failing = true;
                log.warn("Could not forward audit records to the SIEM at {}:{} ({}); they wait and are sent again",
                        target.get().host(), target.get().port(), e.toString());
            }
        }
    }

    private void forwardOrganization(String name, UUID orgKey) throws IOException {
        while (true) {
            List<AuditRecord> batch = outbox.next(name, orgKey, properties.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            List<byte[]> messages = new ArrayList<>(batch.size());
            for (AuditRecord record : batch) {
                messages.add(syslog.message(record, format.format(record, ProductName.version())));
            }
            transport.send(messages);
            outbox.advance(name, orgKey, batch.getLast().id(), clock.instant());
            sent.increment(batch.size());
            if (batch.size() < properties.batchSize()) {
                return;
            }
        }
    }

    private double backlog() {
        if (target.isEmpty()) {
            return 0;
        }
        return outbox.pending(target.get().name()).values().stream().mapToLong(Long::longValue).sum();
    }

    static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }

    /** Runs {@code audit.forwardToSiem} once per period across the server processes. */
    @Bean
    static PeriodicJob forwardToSiemPeriodically(SiemForwarder siemForwarder,
                                                 @Value("${opencps.siem.send-interval:5s}") Duration every) {
        return new PeriodicJob("audit.forwardToSiem", every, every, Duration.parse("PT15M"), siemForwarder::forward);
    }
}
