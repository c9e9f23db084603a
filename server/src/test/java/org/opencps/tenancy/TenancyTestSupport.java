package org.opencps.tenancy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencps.platform.ids.OrgId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tenancy tests add to the server: stand-ins for the modules that will supply license
 * figures and purge their own data, and the {@link TenancyFixtures}. Every tenancy test imports
 * this same class, so they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TenancyFixtures.class)
public class TenancyTestSupport {

    /** Figures per customer that the test sets; one map per figure name. */
    public static final class Usage {

        final Map<String, Map<OrgId, Long>> figures = new ConcurrentHashMap<>();

        public void set(String figure, OrgId org, long value) {
            figures.computeIfAbsent(figure, f -> new ConcurrentHashMap<>()).put(org, value);
        }

        void clear() {
            figures.clear();
        }

        LicenseUsageSource source(String figure) {
            return new LicenseUsageSource() {
                @Override
                public Map<OrgId, Long> count(Set<OrgId> customers) {
                    return Map.copyOf(figures.getOrDefault(figure, Map.of()));
                }

                @Override
                public String figure() {
                    return figure;
                }
            };
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
    Usage usage() {
        return new Usage();
    }

    @Bean
    LicenseUsageSource devicesUsedSource(Usage usage) {
        return usage.source(LicenseUsageSource.DEVICES_USED);
    }

    @Bean
    LicenseUsageSource usersSource(Usage usage) {
        return usage.source(LicenseUsageSource.USERS);
    }

    @Bean
    LicenseUsageSource pagesSource(Usage usage) {
        return usage.source(LicenseUsageSource.PAGES);
    }

    @Bean
    OtherModuleData otherModuleData(JdbcClient jdbc) {
        return new OtherModuleData(jdbc);
    }
}
