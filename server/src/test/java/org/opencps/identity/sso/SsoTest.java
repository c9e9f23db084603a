package org.opencps.identity.sso;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opencps.testing.OpenCpsTest;
import org.springframework.test.context.TestPropertySource;

/** {@link OpenCpsTest} whose server may fetch from identity providers on loopback (the mock provider's). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OpenCpsTest
@TestPropertySource(properties = "opencps.sso.allow-private-providers=true")
public @interface SsoTest {
}
