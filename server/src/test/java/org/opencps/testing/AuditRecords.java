package org.opencps.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.springframework.test.web.servlet.MockMvc;

/** An organization's audit records of one action, read the way its admins read them: through the audit API. */
public final class AuditRecords {

    private final MockMvc mvc;

    public AuditRecords(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** The records, oldest first, each with the API's fields (action, outcome, actor, subject, detail, sourceIp, userAgent). */
    public List<Map<String, Object>> of(Actor reader, OrgId org, String action) throws Exception {
        var response = mvc.perform(get("/api/v1/organizations/" + org + "/audit/events").param("action", action).param("size", "200")
                .with(authentication(new ActorAuthentication(reader)))).andReturn().getResponse();
        assertThat(response.getStatus()).as("reading the audit records of " + org).isEqualTo(200);
        List<Map<String, Object>> newestFirst = JsonPath.read(response.getContentAsString(), "$.entries");
        return newestFirst.reversed();
    }

    /** The details of those records, oldest first. */
    public List<String> details(Actor reader, OrgId org, String action) throws Exception {
        return of(reader, org, action).stream().map(entry -> String.valueOf(entry.get("detail"))).toList();
    }

    /** The HTTP status the reader gets asking for the organization's records. */
    public int statusFor(Actor reader, OrgId org) throws Exception {
        return mvc.perform(get("/api/v1/organizations/" + org + "/audit/events")
                .with(authentication(new ActorAuthentication(reader)))).andReturn().getResponse().getStatus();
    }
}
