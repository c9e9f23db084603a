package org.opencps.ipp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opencps.testing.Outbox;
import org.opencps.testing.TestClockConfiguration;
import org.opencps.testing.TestEnvironment;
import org.opencps.testing.World;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real server on a random loopback port, as an IPP client meets it: plain HTTP with Basic
 * allowed (the local-trial setting), and a small document limit so that going past it is cheap.
 * The IPP tests that need a socket share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "opencps.ipp.allow-basic-over-http=true", "opencps.ipp.max-document-size=4MB"})
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, World.class, Outbox.class})
@interface IppServerTest {
}
