package org.opencps.tenancy.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organization tree, licenses and settings. */
@Repository
public class OrganizationStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganizationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts an organization below {@code parentPath} (null for the root). */
    public void insert(Organization org, String parentPath) {
        String path = (parentPath == null ? "/" : parentPath) + org.id() + "/";
        jdbc.sql("""
                        INSERT INTO tenancy_organization (id, parent_id, kind, name, path, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id().value(), org.parentId() == null ? null : org.parentId().value(), org.kind().name(),
                        org.name(), path, org.status().name(), at(org.createdAt()))
                .update();
    }

    public Optional<Organization> find(OrgId id) {
        return jdbc.sql("SELECT * FROM tenancy_organization WHERE id = ?")
                .param(id.value()).query(OrganizationStore::organization).optional();
    }

    /** Reads the organization and locks its row until the transaction ends. */
    public Optional<Organization> findForUpdate(OrgId id) {
        return jdbc.sql("SELECT * FROM tenancy_organization WHERE id = ? FOR UPDATE")
                .param(id.value()).query(OrganizationStore::organization).optional();
    }

    public boolean hasChildren(OrgId id) {
        return jdbc.sql("SELECT COUNT(*) FROM tenancy_organization WHERE parent_id = ?")
                .param(id.value()).query(Integer.class).single() > 0;
    }

    public Optional<String> path(OrgId id) {
        return jdbc.sql("SELECT path FROM tenancy_organization WHERE id = ?")
                .param(id.value()).query(String.class).optional();
    }

    public Optional<Organization> root() {
        return jdbc.sql("SELECT * FROM tenancy_organization WHERE parent_id IS NULL")
                .query(OrganizationStore::organization).optional();
    }

    public List<Organization> children(OrgId parent) {
        return jdbc.sql("SELECT * FROM tenancy_organization WHERE parent_id = ? ORDER BY name")
                .param(parent.value()).query(OrganizationStore::organization).list();
    }

    public boolean siblingNameTaken(OrgId parent, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM tenancy_organization WHERE parent_id = ? AND LOWER(name) = LOWER(?)")
                .params(parent.value(), name).query(Integer.class).single() > 0;
    }

    public void rename(OrgId id, String name) {
        jdbc.sql("UPDATE tenancy_organization SET name = ? WHERE id = ?").params(name, id.value()).update();
    }

    public void setStatus(OrgId id, Organization.Status status, Instant discontinuedAt) {
        jdbc.sql("UPDATE tenancy_organization SET status = ?, discontinued_at = ? WHERE id = ?")
                .params(status.name(), discontinuedAt == null ? null : at(discontinuedAt), id.value()).update();
    }

    public Optional<License> license(OrgId id) {
        return jdbc.sql("SELECT * FROM tenancy_license WHERE org_id = ?").param(id.value())
                .query((rs, i) -> new License(rs.getInt("device_limit"), rs.getString("plan"),
                        rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class)))
                .optional();
    }

    public void saveLicense(OrgId id, License license) {
        int updated = jdbc.sql("UPDATE tenancy_license SET device_limit = ?, plan = ?, term_start = ?, term_end = ? WHERE org_id = ?")
                .params(license.deviceLimit(), license.plan(), license.termStart(), license.termEnd(), id.value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO tenancy_license (org_id, device_limit, plan, term_start, term_end) VALUES (?, ?, ?, ?, ?)")
                    .params(id.value(), license.deviceLimit(), license.plan(), license.termStart(), license.termEnd())
                    .update();
        }
    }

    public Optional<OrganizationSettings> settings(OrgId id) {
        return jdbc.sql("SELECT * FROM tenancy_settings WHERE org_id = ?").param(id.value())
                .query((rs, i) -> new OrganizationSettings(rs.getInt("idle_logout_minutes"), rs.getInt("job_retention_hours"),
                        lines(rs.getString("ip_allow_list")), methods(rs.getString("device_login_methods")),
                        rs.getString("time_zone"), rs.getString("default_language")))
                .optional();
    }

    /** Just the time zone; UTC for an organization without settings. */
    public String timeZone(OrgId id) {
        return jdbc.sql("SELECT time_zone FROM tenancy_settings WHERE org_id = ?").param(id.value())
                .query(String.class).optional().orElse(OrganizationSettings.DEFAULT_TIME_ZONE);
    }

    /** Just the default language; English for an organization without settings. */
    public String defaultLanguage(OrgId id) {
        return jdbc.sql("SELECT default_language FROM tenancy_settings WHERE org_id = ?").param(id.value())
                .query(String.class).optional().orElse(OrganizationSettings.DEFAULT_LANGUAGE);
    }

    /** Just the IP allow-list, read on every request of the organization's people and devices. */
    public List<String> ipAllowList(OrgId id) {
        return jdbc.sql("SELECT ip_allow_list FROM tenancy_settings WHERE org_id = ?").param(id.value())
                .query(String.class).optional().map(OrganizationStore::lines).orElse(List.of());
    }

    public void saveSettings(OrgId id, OrganizationSettings s) {
        jdbc.sql("DELETE FROM tenancy_settings WHERE org_id = ?").param(id.value()).update();
        jdbc.sql("""
                        INSERT INTO tenancy_settings (org_id, idle_logout_minutes, job_retention_hours, ip_allow_list,
                          device_login_methods, time_zone, default_language)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), s.idleLogoutMinutes(), s.jobRetentionHours(),
                        s.ipAllowList().isEmpty() ? null : String.join("\n", s.ipAllowList()),
                        s.deviceLoginMethods().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        s.timeZone(), s.defaultLanguage())
                .update();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    private static Set<DeviceLoginMethod> methods(String text) {
        Set<DeviceLoginMethod> methods = EnumSet.noneOf(DeviceLoginMethod.class);
        for (String name : text.split(",")) {
            methods.add(DeviceLoginMethod.valueOf(name.strip()));
        }
        return methods;
    }

    /** Deletes the organization's own rows in this module; its children must be gone already. */
    public void delete(OrgId id) {
        jdbc.sql("DELETE FROM tenancy_region_link WHERE org_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM tenancy_settings WHERE org_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM tenancy_license WHERE org_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM tenancy_organization WHERE id = ?").param(id.value()).update();
    }

    private OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    static Organization organization(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        OffsetDateTime discontinued = rs.getObject("discontinued_at", OffsetDateTime.class);
        return new Organization(new OrgId(rs.getObject("id", UUID.class)), OrgId.of(parent),
                OrgKind.valueOf(rs.getString("kind")), rs.getString("name"),
                Organization.Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                discontinued == null ? null : discontinued.toInstant());
    }
}
