package org.opencps.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An application context of their own for the tests that check the portal's real CSRF tokens.
 * spring-security-test's {@code csrf()}, which most portal tests use, replaces the token store of
 * the CSRF filter in the context it runs in (a session-based one, for good), so these tests must not
 * share that context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "opencps.test.context=real-csrf-tokens")
@interface RealCsrfTokens {
}
