package org.opencps.identity.sso;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.peers.LoopbackDns;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link OpenCpsTest} whose server may fetch from identity providers on loopback (the mock provider's) and asks the
 * test run's {@link LoopbackDns} for the TXT records that prove e-mail domains.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LoopbackDns.Extension.class)
@OpenCpsTest
@TestPropertySource(properties = "opencps.sso.allow-private-providers=true")
public @interface SsoTest {
}
