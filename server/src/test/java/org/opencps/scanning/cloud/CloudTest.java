package org.opencps.scanning.cloud;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.opencps.access.FixedRole;
import org.junit.jupiter.api.BeforeEach;
import org.opencps.platform.ids.OrgId;
import org.opencps.scanning.cloud.internal.oauth.AccessTokens;
import org.opencps.scanning.cloud.internal.oauth.TokenEndpoint;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cloud providers replayed by one WireMock server on loopback, shared by every cloud test (one
 * Spring context): Google under /google, Microsoft under /microsoft and /graph, Box under /box and
 * /box-upload. Chunks are made small so that a test document of a few hundred KiB takes several.
 */
@OpenCpsTest
public abstract class CloudTest {

    protected static final WireMockServer cloud = start();

    @Autowired protected World world;
    @Autowired protected CloudStorage storage;
    @Autowired protected AccessTokens tokens;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected MutableClock clock;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    protected static String base() {
        return "http://127.0.0.1:" + cloud.port();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        String prefix = "opencps.scanning.cloud.";
        for (String[] provider : new String[][] {{"google", "/google/token", "/google/revoke", "/google", "/google"},
                {"microsoft", "/microsoft/token", null, "/graph/v1.0", "/graph/v1.0"},
                {"box", "/box/oauth2/token", "/box/oauth2/revoke", "/box/2.0", "/box-upload/api/2.0"}}) {
            String p = prefix + provider[0] + ".";
            registry.add(p + "client-id", () -> provider[0] + "-client");
            registry.add(p + "client-secret", () -> provider[0] + "-deployment-secret");
            registry.add(p + "authorize-uri", () -> base() + "/" + provider[0] + "/authorize");
            registry.add(p + "token-uri", () -> base() + provider[1]);
            if (provider[2] != null) {
                registry.add(p + "revoke-uri", () -> base() + provider[2]);
            }
            registry.add(p + "api-base", () -> base() + provider[3]);
            registry.add(p + "upload-base", () -> base() + provider[4]);
        }
        registry.add(prefix + "drive-chunk-size", () -> "256KB");
        registry.add(prefix + "graph-fragment-size", () -> "320KB");
        registry.add(prefix + "box-chunked-threshold", () -> "600KB");
    }

    @BeforeEach
    void resetProviders() {
        cloud.resetAll();
    }

    protected World.Person person() {
        OrgId org = world.customer(world.root(), "Cloud " + java.util.UUID.randomUUID());
        return world.person(org, FixedRole.CUSTOMER_USER);
    }

    /** Links the person's account as a finished OAuth flow would, the access token valid for {@code lifetime}. */
    protected void link(World.Person person, CloudService service, String accessToken, String refreshToken, Duration lifetime) {
        tokens.link(person.orgId(), person.userId(), service, new TokenEndpoint.Grant(accessToken, refreshToken, lifetime.toSeconds()));
    }

    protected static byte[] document(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    protected static ScanContent content(byte[] bytes) {
        return offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    protected static CloudUpload upload(World.Person person, CloudService service, String key, byte[] bytes) {
        return new CloudUpload(key, person.orgId(), person.userId(), service, "scan.pdf", "application/pdf", bytes.length, content(bytes));
    }

    /** The audit records of this type about the person (their actor, or null where the provider acted). */
    protected java.util.List<String> audited(String type, World.Person person) {
        return jdbc.sql("SELECT COALESCE(CAST(actor_user_id AS VARCHAR(40)), 'none') || ' ' || detail FROM audit_event"
                        + " WHERE org_id = ? AND type = ? AND subject = ?")
                .params(person.orgId().value(), type, person.userId().toString()).query(String.class).list();
    }

    /** Every text column of the table's rows, to check that no secret appears in clear. */
    protected String rowsOf(String table) {
        return String.join("\n", jdbc.sql("SELECT * FROM " + table).query((rs, i) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.append(rs.getString(c)).append('|');
            }
            return row.toString();
        }).list());
    }
}
