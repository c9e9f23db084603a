package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.PrintJobs;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The print-queue routes, the secret queue URL's life (create, use, regenerate, revoke) and clean-up. */
@OpenCpsTest
class PrintQueueApiTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintJobs printJobs;
    @Autowired Organizations organizations;
    @Autowired JdbcClient jdbc;

    private static final JsonMapper json = JsonMapper.builder().build();

    IppCalls calls;
    OrgId customer;
    World.Person person;

    @BeforeEach
    void person() {
        calls = new IppCalls(mvc);
        customer = world.customer(world.root(), Ipp.unique("Queue Co"));
        person = world.person(customer, FixedRole.CUSTOMER_USER);
    }

    @Test
    void myQueueWithTheSetupForEachSystem() throws Exception {
        var body = mvc.perform(get("/api/v1/me/print-queue").with(as(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretUriActive").value(false))
                .andReturn().getResponse().getContentAsString();
        var queue = json.readTree(body);
        String id = queue.get("queueId").asString();
        String uri = "ipp://localhost:8080/ipp/print/" + id;
        assertThat(queue.get("printerUri").asString()).isEqualTo(uri);
        assertThat(queue.at("/setup/linux").asString())
                .isEqualTo("lpadmin -p OpenCPS -E -v " + uri + " -m everywhere -o auth-info-required=username,password");
        assertThat(queue.at("/setup/macos").asString()).startsWith("lpadmin -p OpenCPS -E -v " + uri);
        assertThat(queue.at("/setup/windows").asString()).contains("Add-Printer", "Microsoft IPP Class Driver", "secret");
        assertThat(queue.at("/setup/ios").asString()).contains("/ipp/print/" + id);
        assertThat(queue.at("/setup/android").asString()).contains("secret");
        assertThat(queue.at("/setup/chromeos").asString()).contains("secret");
        mvc.perform(get("/api/v1/me/print-queue").with(as(person))).andExpect(jsonPath("$.queueId").value(id));
    }

    @Test
    void theSecretUrlPrintsWithoutCredentialsUntilRegeneratedOrRevoked() throws Exception {
        String first = createSecret();
        String secretPath = pathOf(first);
        var attributes = calls.ipp(secretPath, Ipp.request(Operation.getPrinterAttributes), null);
        assertThat(Ipp.printer(attributes).getStrings(Types.uriAuthenticationSupported)).containsExactly("requesting-user-name");
        assertThat(Ipp.status(calls.ipp(secretPath, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1)), null)))
                .isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
        mvc.perform(get("/api/v1/me/print-queue").with(as(person))).andExpect(jsonPath("$.secretUriActive").value(true));

        String second = createSecret();
        assertThat(second).isNotEqualTo(first);
        assertThat(calls.http(secretPath, printJobBody(), null, true).getStatus()).isEqualTo(404);
        assertThat(Ipp.status(calls.ipp(pathOf(second), printJobBody(), null))).isEqualTo(Status.successfulOk);

        mvc.perform(delete("/api/v1/me/print-queue/secret").with(as(person))).andExpect(status().isNoContent());
        assertThat(calls.http(pathOf(second), printJobBody(), null, true).getStatus()).isEqualTo(404);
        assertThat(printJobs.mine(person.actor())).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_queue WHERE org_id = ? AND secret_hash IS NULL").param(customer.value())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void theSecretIsStoredOnlyAsItsHash() throws Exception {
        String secret = createSecret();
        String stored = jdbc.sql("SELECT secret_hash FROM ipp_queue WHERE org_id = ?").param(customer.value()).query(String.class).single();
        assertThat(secret.substring(secret.lastIndexOf('/') + 1)).hasSize(43);
        assertThat(stored).isEqualTo(org.opencps.platform.secrets.Tokens.hash(secret.substring(secret.lastIndexOf('/') + 1)))
                .doesNotContain(secret.substring(secret.lastIndexOf('/') + 1));
    }

    @Test
    void providersHaveNoPrintQueue() throws Exception {
        var admin = world.rootAdmin();
        mvc.perform(get("/api/v1/me/print-queue").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/print-queue/secret").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/print-queue")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPurgedOrganizationLeavesNoQueueOrJob() throws Exception {
        String secret = createSecret();
        calls.ipp(pathOf(secret), printJobBody(), null);
        assertThat(rows("ipp_queue")).isOne();
        assertThat(rows("ipp_job")).isOne();

        organizations.purgeNow(world.rootAdmin().actor(), customer, organizations.find(customer).orElseThrow().name());

        assertThat(rows("ipp_queue")).isZero();
        assertThat(rows("ipp_job")).isZero();
        assertThat(calls.http(pathOf(secret), printJobBody(), null, true).getStatus()).isEqualTo(404);
    }

    private String createSecret() throws Exception {
        var body = mvc.perform(post("/api/v1/me/print-queue/secret").with(as(person)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.windowsPortName").value(org.hamcrest.Matchers.startsWith("http://localhost:8080/ipp/secret/")))
                .andExpect(jsonPath("$.setup.windows").value(org.hamcrest.Matchers.containsString("-PortName \"http://localhost:8080/ipp/secret/")))
                .andReturn().getResponse().getContentAsString();
        String uri = json.readTree(body).get("secretUri").asString();
        assertThat(uri).startsWith("ipp://localhost:8080/ipp/secret/");
        return uri;
    }

    private static String pathOf(String uri) {
        return java.net.URI.create(uri).getPath();
    }

    private static byte[] printJobBody() {
        return Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
    }

    private int rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?").param(customer.value()).query(Integer.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(World.Person who) {
        return authentication(new ActorAuthentication(who.actor()));
    }
}
