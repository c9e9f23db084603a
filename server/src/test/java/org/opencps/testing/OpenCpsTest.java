package org.opencps.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full server for a test: a fresh database of the kind chosen by {@code -Dopencps.test.db}
 * (h2 by default, or postgres), a data directory of its own, and a {@link MutableClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, World.class, Outbox.class, org.opencps.printing.StoredBlobs.class, SecretCapture.class})
public @interface OpenCpsTest {
}
