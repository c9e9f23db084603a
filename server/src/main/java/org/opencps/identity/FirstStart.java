package org.opencps.identity;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.internal.credentials.DisplayNames;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.config.PublicUrl;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.secrets.Tokens;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start: creates the root provider and its first admin, either from
 * OPENCPS_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD or, without them, through a one-time setup link that
 * is printed to the log (valid until used or until the server restarts).
 */
@Service
public class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Organizations organizations;
    private final UserStore users;
    private final Users memberships;
    private final Passwords passwords;
    private final Clock clock;
    private final OpenCpsProperties properties;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AtomicReference<String> setupTokenHash = new AtomicReference<>();

    FirstStart(Organizations organizations, UserStore users, Users memberships, Passwords passwords, Clock clock,
               OpenCpsProperties properties, PublicUrl publicUrl, PlatformTransactionManager transactions,
               ApplicationEventPublisher events) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.organizations = organizations;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.root().isPresent()) {
            return;
        }
        var bootstrap = properties.bootstrap();
        if (bootstrap.configured()) {
            try {
                // a password from the environment was seen by whoever set it: the admin chooses their own at first login
                transaction.executeWithoutResult(status -> passwords.requireChange(
                        setUp(bootstrap.organizationName(), bootstrap.adminEmail(), "Administrator", bootstrap.adminPassword())));
            } catch (InvalidInputException e) {
                String variable = switch (e.field()) {
                    case "email" -> "OPENCPS_BOOTSTRAP_ADMIN_EMAIL";
                    case "organizationName" -> "OPENCPS_BOOTSTRAP_ORGANIZATION_NAME";
                    default -> "OPENCPS_BOOTSTRAP_ADMIN_PASSWORD";
                };
                throw new IllegalStateException("Bootstrap refused: " + variable + " " + e.getMessage(), e);
            }
            log.info("First start: created the root provider '{}' and its admin {}", bootstrap.organizationName(),
                    bootstrap.adminEmail());
            return;
        }
        String token = Tokens.newToken("setup_");
        setupTokenHash.set(Tokens.hash(token));
        log.warn("""
                OpenCPS has no root provider yet. Finish the setup once, within this run of the server:
                  {}/setup?token={}
                  or: POST /api/v1/setup {"token": "{}", "organizationName": ..., "email": ..., "displayName": ..., "password": ...}
                Or restart with OPENCPS_BOOTSTRAP_ADMIN_EMAIL and OPENCPS_BOOTSTRAP_ADMIN_PASSWORD set.""",
                publicUrl.base(), token, token);
    }

    /** Completes the setup with the one-time link's token. */
    @Transactional
    public UserId completeSetup(String token, String organizationName, String email, String displayName, String password) {
        String expected = setupTokenHash.get();
        if (expected == null || token == null || !expected.equals(Tokens.hash(token))) {
            throw new NotFoundException("setup link");
        }
        UserId admin = setUp(organizationName, email, displayName, password);
        if (!setupTokenHash.compareAndSet(expected, null)) {
            throw new ConflictException("token", "problem.setup.justCompleted", "the setup has just been completed");
        }
        return admin;
    }

    private UserId setUp(String organizationName, String email, String displayName, String password) {
        String address = Emails.normalize("email", email);
        String name = DisplayNames.validate("displayName", displayName);
        passwords.checkPolicy("password", password);
        Organization root;
        try {
            root = organizations.bootstrapRoot(organizationName);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("organizationName", e.messageKey(), e.getMessage(), e.messageArguments());
        }
        var admin = new User(new UserId(UUID.randomUUID()), address, name, true, clock.instant());
        users.insert(admin);
        passwords.set(admin.id(), "password", password, false);
        memberships.join(root.id(), admin.id(), Set.of(RoleRef.of(FixedRole.PROVIDER_ADMIN)));
        events.publishEvent(new AccountActivity(admin.id(), root.id(), AccountActivity.Kind.FIRST_ADMIN_CREATED, clock.instant()));
        return admin.id();
    }
}
