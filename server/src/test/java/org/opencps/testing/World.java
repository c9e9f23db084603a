package org.opencps.testing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.identity.EmailDomains;
import org.opencps.identity.Passwords;
import org.opencps.testing.peers.LoopbackDns;
import org.opencps.identity.User;
import org.opencps.identity.Users;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.License;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Component;

/** Builds organizations and people for tests through the modules' own faces. */
@Component
@TestComponent
public class World {

    public static final String PASSWORD = "Correct-Horse-9";

    private final Organizations organizations;
    private final UserStore users;
    private final Users memberships;
    private final Passwords passwords;
    private final MutableClock clock;
    private final EmailDomains emailDomains;
    private Person rootAdmin;

    World(Organizations organizations, UserStore users, Users memberships, Passwords passwords, MutableClock clock,
          EmailDomains emailDomains) {
        this.emailDomains = emailDomains;
        this.organizations = organizations;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The root provider's first admin (creating the root on first use). */
    public synchronized Person rootAdmin() {
        if (rootAdmin == null) {
            Organization root = organizations.root().orElseGet(() -> organizations.bootstrapRoot("Root provider"));
            rootAdmin = person(root.id(), FixedRole.PROVIDER_ADMIN);
        }
        return rootAdmin;
    }

    public OrgId root() {
        return rootAdmin().orgId();
    }

    public OrgId provider(OrgId parent, String name) {
        return create(parent, new NewOrganization(OrgKind.PROVIDER, name, null));
    }

    public OrgId customer(OrgId parent, String name) {
        return create(parent, new NewOrganization(OrgKind.CUSTOMER, name,
                new License(10, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31))));
    }

    /** A new person who is a member of the organization with these roles, password {@link #PASSWORD}. */
    public Person person(OrgId org, FixedRole... roles) {
        return person(org, "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", roles);
    }

    /** The same, with this e-mail address. */
    public Person person(OrgId org, String email, FixedRole... roles) {
        var user = new User(new UserId(UUID.randomUUID()), email, "Person " + email.substring(0, Math.min(9, email.length())), true, clock.instant());
        users.insert(user);
        passwords.set(user.id(), "password", PASSWORD, false);
        memberships.join(org, user.id(), Arrays.stream(roles).map(RoleRef::of).collect(Collectors.toSet()));
        return new Person(user.id(), email, org);
    }

    /** An existing person joins one more organization. */
    public void join(Person person, OrgId org, FixedRole... roles) {
        memberships.join(org, person.userId(), Arrays.stream(roles).map(RoleRef::of).collect(Collectors.toSet()));
    }

    private OrgId create(OrgId parent, NewOrganization request) {
        Person creator = parent.equals(root()) ? rootAdmin() : adminOf(parent);
        return organizations.create(creator.actor(), parent, request).id();
    }

    private final java.util.Map<OrgId, Person> providerAdmins = new java.util.concurrent.ConcurrentHashMap<>();

    /** A provider admin of {@code org}, made on first use. */
    public Person adminOf(OrgId org) {
        if (org.equals(root())) {
            return rootAdmin();
        }
        return providerAdmins.computeIfAbsent(org, o -> person(o, FixedRole.PROVIDER_ADMIN));
    }

    public record Person(UserId userId, String email, OrgId orgId) {

        public Actor actor() {
            return new Actor(userId, orgId);
        }

        public Set<OrgId> orgs() {
            return Set.of(orgId);
        }
    }

    /**
     * Proves, as its admin, that {@code org} owns {@code domain}: the organization's TXT record on the test run's
     * {@link LoopbackDns}, then a check (tests annotated so that the server asks that DNS server).
     */
    public void proveDomain(Person admin, OrgId org, String domain) {
        var proof = emailDomains.domains(admin.actor(), org);
        emailDomains.claim(admin.actor(), org, domain);
        LoopbackDns.shared().publishTxt(proof.recordLabel() + domain, proof.recordValue());
        if (!emailDomains.check(admin.actor(), org, domain).verified()) {
            throw new IllegalStateException(domain + " was not verified through " + LoopbackDns.shared().address());
        }
    }
}
