package org.opencps.tenancy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencps.platform.ids.OrgId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tenancy tests add to the server: customers' license figures, a stand-in for a module
 * that purges its own data, and the {@link TenancyFixtures}. Every tenancy test imports
 * this same class, so they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TenancyFixtures.class)
public class TenancyTestSupport {

    /**
     * License figures of customers, written as the modules that own them keep them: memberships
     * (identity), active printers (devices) and reported pages (reporting). The rows are written
     * straight into their tables, so a test can set large figures cheaply; {@link #clear()}
     * removes them again.
     */
    public static final class Usage {

        private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

        private final JdbcClient jdbc;
        private final Set<OrgId> orgs = ConcurrentHashMap.newKeySet();
        private final Set<UUID> users = ConcurrentHashMap.newKeySet();

        Usage(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public void members(OrgId org, long count) {
            orgs.add(org);
            for (long i = 0; i < count; i++) {
                UUID user = UUID.randomUUID();
                users.add(user);
                jdbc.sql("""
                                INSERT INTO identity_user (id, email, display_name, email_verified, created_at)
                                VALUES (?, ?, ?, TRUE, ?)""")
                        .params(user, user + "@figures.example", "Member " + i, NOW).update();
                jdbc.sql("INSERT INTO identity_membership (org_id, user_id, joined_at) VALUES (?, ?, ?)")
                        .params(org.value(), user, NOW).update();
            }
        }

        /** Active printers, and one unregistered printer and one active agent that the figure does not count. */
        public void activePrinters(OrgId org, long count) {
            orgs.add(org);
            for (long i = 0; i < count; i++) {
                device(org, "PRINTER", "ACTIVE");
            }
            device(org, "PRINTER", "UNREGISTERED");
            device(org, "AGENT", "ACTIVE");
        }

        /** Two printed jobs that together report {@code pages} pages (only one when it is 1). */
        public void reportedPages(OrgId org, long pages) {
            orgs.add(org);
            long first = pages / 2;
            if (first > 0) {
                printed(org, first);
            }
            printed(org, pages - first);
            rolledUp(org, first > 0 ? 2 : 1, pages);
        }

        void clear() {
            for (OrgId org : orgs) {
                for (String table : new String[] {"identity_membership", "devices_device", "reporting_usage", "reporting_daily"}) {
                    jdbc.sql("DELETE FROM " + table + " WHERE org_id = ?").param(org.value()).update();
                }
            }
            users.forEach(user -> jdbc.sql("DELETE FROM identity_user WHERE id = ?").param(user).update());
            orgs.clear();
            users.clear();
        }

        private void device(OrgId org, String kind, String state) {
            jdbc.sql("""
                            INSERT INTO devices_device (org_id, id, kind, name, state, registered_at, pin_failures)
                            VALUES (?, ?, ?, ?, ?, ?, 0)""")
                    .params(org.value(), UUID.randomUUID(), kind, kind + " " + UUID.randomUUID(), state, NOW).update();
        }

        /** The organization's daily roll-up of those jobs, as reporting keeps it from the events. */
        private void rolledUp(OrgId org, long jobs, long pages) {
            jdbc.sql("""
                            INSERT INTO reporting_daily (org_id, dimension, local_day, subject_id, jobs, counted_pages,
                              reported_pages, color_pages, monochrome_pages, simplex_pages, duplex_pages, sheets,
                              scanned_pages, refused_over_quota, refused_by_policy)
                            VALUES (?, 'ORGANIZATION', ?, ?, ?, ?, ?, 0, ?, ?, 0, ?, 0, 0, 0)""")
                    .params(org.value(), NOW.toLocalDate(), org.value(), jobs, pages, pages, pages, pages, pages).update();
        }

        private void printed(OrgId org, long pages) {
            jdbc.sql("""
                            INSERT INTO reporting_usage (org_id, job_id, user_id, device_id, printed_at, printed_day,
                              copies, color, counted_pages, reported_pages, color_pages, monochrome_pages, duplex)
                            VALUES (?, ?, ?, ?, ?, ?, 1, FALSE, ?, ?, 0, ?, FALSE)""")
                    .params(org.value(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW,
                            NOW.toLocalDate(), pages, pages, pages).update();
        }
    }

    /**
     * Another module's data: rows in a table of its own that it deletes when asked, and a switch
     * that makes it fail, to show that a failed participant rolls the whole purge back.
     */
    public static final class OtherModuleData implements OrganizationPurgeParticipant {

        static final String TABLE = "test_other_module_data";

        private final JdbcClient jdbc;
        final CopyOnWriteArrayList<OrgId> purged = new CopyOnWriteArrayList<>();
        volatile OrgId failFor;

        OtherModuleData(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        void createTable() {
            jdbc.sql("CREATE TABLE IF NOT EXISTS " + TABLE + " (org_id UUID NOT NULL, item VARCHAR(50) NOT NULL)").update();
        }

        public void insert(OrgId org, String item) {
            jdbc.sql("INSERT INTO " + TABLE + " (org_id, item) VALUES (?, ?)").params(org.value(), item).update();
        }

        @Override
        public void purgeOrganizationData(OrgId org) {
            jdbc.sql("DELETE FROM " + TABLE + " WHERE org_id = ?").param(org.value()).update();
            if (org.equals(failFor)) {
                throw new IllegalStateException("simulated failure while purging " + org);
            }
            purged.add(org);
        }
    }

    @Bean
    Usage usage(JdbcClient jdbc) {
        return new Usage(jdbc);
    }

    @Bean
    OtherModuleData otherModuleData(JdbcClient jdbc) {
        return new OtherModuleData(jdbc);
    }
}
