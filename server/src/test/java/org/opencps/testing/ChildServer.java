package org.opencps.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.opencps.OpenCpsApplication;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.Passwords;
import org.opencps.identity.Users;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.Organizations;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The real server in a process of its own, for tests that kill it. Started from the test class
 * path, it leaves the test classes' components out. On its first start it creates a customer with
 * one user and writes that user's API token to {@code <data-dir>/child-token}.
 */
public final class ChildServer {

    private ChildServer() {
    }

    public static void main(String[] args) throws IOException {
        var app = new SpringApplication(OpenCpsApplication.class);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("mainClassesOnly", new MainClassesOnly()));
        ConfigurableApplicationContext context = app.run(args);
        Path tokenFile = Path.of(context.getEnvironment().getRequiredProperty("opencps.data-dir")).resolve("child-token");
        if (Files.exists(tokenFile)) {
            return;
        }
        var world = new World(context.getBean(Organizations.class), context.getBean(UserStore.class),
                context.getBean(Users.class), context.getBean(Passwords.class), new MutableClock(Instant.now()),
                context.getBean(org.opencps.identity.EmailDomains.class));
        OrgId customer = world.customer(world.root(), "Child server customer");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        String secret = context.getBean(ApiTokens.class).create(person.actor(), "child server", 30).secret();
        Path temp = tokenFile.resolveSibling("child-token.tmp");
        Files.writeString(temp, secret);
        Files.move(temp, tokenFile, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Leaves the test classes' components out of component scanning. */
    public static final class MainClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MainClassesOnly;
        }

        @Override
        public int hashCode() {
            return MainClassesOnly.class.hashCode();
        }
    }
}
