package org.opencps.scanning.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanOptions;
import org.opencps.scanning.ScanWorkflow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_workflow}, {@code scanning_workflow_group} and {@code scanning_favourite} tables. */
@Repository
public class WorkflowStore {

    /** A workflow with its sealed password (null when none). */
    public record Row(ScanWorkflow workflow, String sealedPassword) {
    }

    private static final String COLUMNS = "id, name, kind, address_name, formats, color, resolution, duplex, file_name_pattern,"
            + " sealed_password, everyone, created_at";

    private final JdbcClient jdbc;

    WorkflowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> list(OrgId org) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_workflow WHERE org_id = ? ORDER BY name")
                .param(org.value()).query((rs, i) -> row(org, rs)).list();
    }

    public Optional<Row> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_workflow WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query((rs, i) -> row(org, rs)).optional();
    }

    public Optional<Row> byName(OrgId org, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_workflow WHERE org_id = ? AND name = ?")
                .params(org.value(), name).query((rs, i) -> row(org, rs)).optional();
    }

    public boolean insert(ScanWorkflow workflow, String sealedPassword) {
        if (byName(workflow.orgId(), workflow.name()).isPresent()) {
            return false;
        }
        ScanOptions options = workflow.options();
        jdbc.sql("INSERT INTO scanning_workflow (org_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workflow.orgId().value(), workflow.id(), workflow.name(), workflow.kind().name(), workflow.address(),
                        options.formats().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        options.color().name(), options.resolution(), options.duplex(), options.fileNamePattern(),
                        sealedPassword, workflow.everyone(), OffsetDateTime.ofInstant(workflow.createdAt(), ZoneOffset.UTC))
                .update();
        for (UUID group : workflow.groups()) {
            jdbc.sql("INSERT INTO scanning_workflow_group (org_id, workflow_id, group_id) VALUES (?, ?, ?)")
                    .params(workflow.orgId().value(), workflow.id(), group).update();
        }
        return true;
    }

    public boolean delete(OrgId org, UUID id) {
        jdbc.sql("DELETE FROM scanning_workflow_group WHERE org_id = ? AND workflow_id = ?").params(org.value(), id).update();
        jdbc.sql("DELETE FROM scanning_favourite WHERE org_id = ? AND workflow_id = ?").params(org.value(), id).update();
        return jdbc.sql("DELETE FROM scanning_workflow WHERE org_id = ? AND id = ?").params(org.value(), id).update() == 1;
    }

    public Set<UUID> favourites(OrgId org, UserId user) {
        return new HashSet<>(jdbc.sql("SELECT workflow_id FROM scanning_favourite WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).query(UUID.class).list());
    }

    public void setFavourite(OrgId org, UserId user, UUID workflow, boolean favourite) {
        jdbc.sql("DELETE FROM scanning_favourite WHERE org_id = ? AND user_id = ? AND workflow_id = ?")
                .params(org.value(), user.value(), workflow).update();
        if (favourite) {
            jdbc.sql("INSERT INTO scanning_favourite (org_id, user_id, workflow_id) VALUES (?, ?, ?)")
                    .params(org.value(), user.value(), workflow).update();
        }
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM scanning_favourite WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM scanning_workflow_group WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM scanning_workflow WHERE org_id = ?").param(org.value()).update();
    }

    private Row row(OrgId org, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<ScanFormat> formats = Arrays.stream(rs.getString("formats").split(",")).map(ScanFormat::valueOf)
                .collect(Collectors.toSet());
        var options = new ScanOptions(formats, ScanOptions.ColorMode.valueOf(rs.getString("color")), rs.getInt("resolution"),
                rs.getBoolean("duplex"), rs.getString("file_name_pattern"), rs.getString("sealed_password") != null);
        Set<UUID> groups = Set.copyOf(jdbc.sql("SELECT group_id FROM scanning_workflow_group WHERE org_id = ? AND workflow_id = ?")
                .params(org.value(), id).query(UUID.class).list());
        String sealed = rs.getString("sealed_password");
        var workflow = new ScanWorkflow(org, id, rs.getString("name"), DestinationKind.valueOf(rs.getString("kind")),
                rs.getString("address_name"), options, sealed != null, rs.getBoolean("everyone"), groups,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
        return new Row(workflow, sealed);
    }
}
