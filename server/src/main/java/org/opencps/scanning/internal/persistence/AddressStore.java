package org.opencps.scanning.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.scanning.AddressBookEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scanning_address} table: the organization's address book, names unique per organization. */
@Repository
public class AddressStore {

    private final JdbcClient jdbc;

    AddressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AddressBookEntry> list(OrgId org) {
        return jdbc.sql("SELECT id, name, email, created_at FROM scanning_address WHERE org_id = ? ORDER BY name")
                .param(org.value()).query((rs, i) -> entry(org, rs)).list();
    }

    public Optional<AddressBookEntry> byName(OrgId org, String name) {
        return jdbc.sql("SELECT id, name, email, created_at FROM scanning_address WHERE org_id = ? AND name = ?")
                .params(org.value(), name).query((rs, i) -> entry(org, rs)).optional();
    }

    /** False when the name is taken. */
    public boolean insert(AddressBookEntry entry) {
        if (byName(entry.orgId(), entry.name()).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO scanning_address (org_id, id, name, email, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(entry.orgId().value(), entry.id(), entry.name(), entry.email(),
                        OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC))
                .update();
        return true;
    }

    public boolean delete(OrgId org, UUID id) {
        return jdbc.sql("DELETE FROM scanning_address WHERE org_id = ? AND id = ?").params(org.value(), id).update() == 1;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM scanning_address WHERE org_id = ?").param(org.value()).update();
    }

    private static AddressBookEntry entry(OrgId org, java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new AddressBookEntry(org, rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"), created);
    }
}
