package org.opencps.testing.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opencps.testing.Outbox;
import org.opencps.testing.TestClockConfiguration;
import org.opencps.testing.TestEnvironment;
import org.opencps.testing.World;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real server on a free loopback port, with a fresh database and data folder, first started
 * with the bootstrap administrator {@link PortalFlows#ROOT_EMAIL} (password {@link World#PASSWORD}),
 * for tests that drive it with a browser. Links it sends name https://print.example.com; tests open them on loopback.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "opencps.public-url=https://print.example.com",
        "opencps.bootstrap.admin-email=" + PortalFlows.ROOT_EMAIL,
        "opencps.bootstrap.admin-password=" + World.PASSWORD,
        "opencps.bootstrap.organization-name=Region Europe"})
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, Outbox.class, World.class})
public @interface PortalServerTest {
}
