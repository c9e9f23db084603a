package org.opencps.tenancy.internal.persistence;

import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.RegionLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The EULA, privacy and download links the root provider publishes per region. */
@Repository
public class RegionLinkStore {

    private final JdbcClient jdbc;

    RegionLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegionLinks> find(OrgId root, String region) {
        return jdbc.sql("SELECT * FROM tenancy_region_link WHERE org_id = ? AND region = ?")
                .params(root.value(), region)
                .query((rs, i) -> new RegionLinks(rs.getString("region"), rs.getString("eula_url"),
                        rs.getString("privacy_url"), rs.getString("downloads_url")))
                .optional();
    }

    public void save(OrgId root, RegionLinks links) {
        int updated = jdbc.sql("""
                        UPDATE tenancy_region_link SET eula_url = ?, privacy_url = ?, downloads_url = ?
                        WHERE org_id = ? AND region = ?""")
                .params(links.eulaUrl(), links.privacyUrl(), links.downloadsUrl(), root.value(), links.region())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO tenancy_region_link (org_id, region, eula_url, privacy_url, downloads_url)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(root.value(), links.region(), links.eulaUrl(), links.privacyUrl(), links.downloadsUrl())
                    .update();
        }
    }
}
