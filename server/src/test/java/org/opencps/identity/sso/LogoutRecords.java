package org.opencps.identity.sso;

import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a sign-out at the identity provider leaves behind: the sign-outs still awaiting the provider's answer, and the audit trail. */
record LogoutRecords(JdbcClient jdbc) {

    int pending(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_sso_logout WHERE org_id = ?").param(org.value()).query(Integer.class).single();
    }

    /** The organization's SSO_LOGOUT records as "protocol outcome" (the detail before its colon). */
    List<String> audit(OrgId org) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = 'SSO_LOGOUT'").param(org.value())
                .query(String.class).list().stream().map(detail -> detail.substring(0, detail.indexOf(':'))).toList();
    }
}
