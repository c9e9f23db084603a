package org.opencps.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PRODUCT.md §2 access table, cell by cell: every role, every kind of data, in the actor's own
 * organization, a sibling, a child and the parent. The expected table below is the spec; the
 * test fails on any cell that differs, and lists them all.
 *
 * Tree: R ─┬─ P ─┬─ C     provider roles act in P (sibling P2, child C, parent R)
 *          │     └─ C2    customer roles act in C (sibling C2, parent P; customers have no children)
 *          └─ P2
 */
@OpenCpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Relation { OWN, SIBLING, CHILD, PARENT }

    enum Data { USERS, DEVICES, REPORTS, LICENSE_REPORTS, OWN_JOBS, OTHERS_JOBS, QUOTA_SETTINGS, OWN_USAGE }

    /** Y = allowed, n = refused; one letter per relation in the order OWN, SIBLING, CHILD, PARENT ('-' = no such org). */
    static final Map<String, Map<Data, String>> TABLE = Map.of(
            "PROVIDER_ADMIN", Map.of(Data.USERS, "Ynnn", Data.DEVICES, "YnYn", Data.REPORTS, "nnnn",
                    Data.LICENSE_REPORTS, "Ynnn", Data.OWN_JOBS, "nnnn", Data.OTHERS_JOBS, "nnnn",
                    Data.QUOTA_SETTINGS, "nnnn", Data.OWN_USAGE, "nnnn"),
            "PROVIDER_SUPPORT", Map.of(Data.USERS, "nnnn", Data.DEVICES, "YnYn", Data.REPORTS, "nnnn",
                    Data.LICENSE_REPORTS, "Ynnn", Data.OWN_JOBS, "nnnn", Data.OTHERS_JOBS, "nnnn",
                    Data.QUOTA_SETTINGS, "nnnn", Data.OWN_USAGE, "nnnn"),
            "CUSTOMER_ADMIN", Map.of(Data.USERS, "Yn-n", Data.DEVICES, "Yn-n", Data.REPORTS, "Yn-n",
                    Data.LICENSE_REPORTS, "nn-n", Data.OWN_JOBS, "Yn-n", Data.OTHERS_JOBS, "nn-n",
                    Data.QUOTA_SETTINGS, "Yn-n", Data.OWN_USAGE, "Yn-n"),
            "PRINT_MANAGER", Map.of(Data.USERS, "nn-n", Data.DEVICES, "nn-n", Data.REPORTS, "nn-n",
                    Data.LICENSE_REPORTS, "nn-n", Data.OWN_JOBS, "Yn-n", Data.OTHERS_JOBS, "nn-n",
                    Data.QUOTA_SETTINGS, "Yn-n", Data.OWN_USAGE, "Yn-n"),
            "CUSTOMER_USER", Map.of(Data.USERS, "nn-n", Data.DEVICES, "nn-n", Data.REPORTS, "nn-n",
                    Data.LICENSE_REPORTS, "nn-n", Data.OWN_JOBS, "Yn-n", Data.OTHERS_JOBS, "nn-n",
                    Data.QUOTA_SETTINGS, "nn-n", Data.OWN_USAGE, "Yn-n"),
            // A report recipient is an e-mail address, not a user: it holds no role anywhere.
            "REPORT_RECIPIENT", Map.of(Data.USERS, "nn-n", Data.DEVICES, "nn-n", Data.REPORTS, "nn-n",
                    Data.LICENSE_REPORTS, "nn-n", Data.OWN_JOBS, "nn-n", Data.OTHERS_JOBS, "nn-n",
                    Data.QUOTA_SETTINGS, "nn-n", Data.OWN_USAGE, "nn-n"));

    @Autowired World world;
    @Autowired AccessPolicy policy;
    @Autowired MockMvc mvc;
    @Autowired org.opencps.tenancy.internal.persistence.OrganizationStore organizationStore;

    OrgId p;
    OrgId p2;
    OrgId c;
    OrgId c2;
    final Map<OrgId, UserId> someoneIn = new java.util.HashMap<>();

    @BeforeAll
    void buildTree() {
        p = world.provider(world.root(), "Matrix P");
        p2 = world.provider(world.root(), "Matrix P2");
        c = world.customer(p, "Matrix C");
        c2 = world.customer(p, "Matrix C2");
        for (OrgId org : List.of(world.root(), p, p2)) {
            someoneIn.put(org, world.person(org, FixedRole.PROVIDER_SUPPORT).userId());
        }
        for (OrgId org : List.of(c, c2)) {
            someoneIn.put(org, world.person(org, FixedRole.CUSTOMER_USER).userId());
        }
    }

    @Test
    void everyCellOfTheAccessTable() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((role, row) -> {
            Actor actor = actorFor(role);
            row.forEach((data, expected) -> {
                for (Relation relation : Relation.values()) {
                    char cell = expected.charAt(relation.ordinal());
                    OrgId target = target(role, relation);
                    if (cell == '-') {
                        assertThat(target).as("%s has no %s", role, relation).isNull();
                        continue;
                    }
                    boolean allowed = allowed(actor, data, target);
                    if (allowed != (cell == 'Y')) {
                        wrong.add(role + " / " + data + " / " + relation + ": expected " + (cell == 'Y' ? "allowed" : "refused")
                                + " but was " + (allowed ? "allowed" : "refused"));
                    }
                }
            });
        });
        assertThat(wrong).as("cells that differ from the access table").isEmpty();
    }

    @Test
    void theMembersRouteAnswersTheSameAsThePolicyWith403ForKnownAnd404ForUnknownOrganizations() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String role : TABLE.keySet()) {
            Actor actor = actorFor(role);
            for (Relation relation : Relation.values()) {
                OrgId target = target(role, relation);
                if (target == null) {
                    continue;
                }
                int expected = policy.can(actor, Permission.USERS_VIEW, target) ? 200 : policy.knows(actor, target) ? 403 : 404;
                int actual = mvc.perform(get("/api/v1/organizations/" + target + "/members")
                        .with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse().getStatus();
                if (actual != expected) {
                    wrong.add(role + " " + relation + ": " + actual + " instead of " + expected);
                }
                if (expected == 200 && !TABLE.get(role).get(Data.USERS).startsWith("Y")) {
                    wrong.add(role + " can list users in " + relation);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDiscontinuedOrganizationKeepsOnlyReadPermissions() {
        OrgId closing = world.customer(p, "Matrix closing");
        Actor admin = world.person(closing, FixedRole.CUSTOMER_ADMIN).actor();
        assertThat(policy.can(admin, Permission.USERS_MANAGE, closing)).isTrue();
        organizationStore.setStatus(closing, org.opencps.tenancy.Organization.Status.DISCONTINUED, java.time.Instant.now());
        assertThat(policy.can(admin, Permission.USERS_VIEW, closing)).isTrue();
        assertThat(policy.can(admin, Permission.USERS_MANAGE, closing)).isFalse();
        assertThat(policy.can(admin, Permission.JOBS_OWN, closing)).isFalse();
    }

    private boolean allowed(Actor actor, Data data, OrgId target) {
        return switch (data) {
            case USERS -> policy.can(actor, Permission.USERS_VIEW, target);
            case DEVICES -> policy.can(actor, Permission.DEVICES_VIEW, target);
            case REPORTS -> policy.can(actor, Permission.REPORTS_VIEW, target);
            case LICENSE_REPORTS -> policy.can(actor, Permission.LICENSE_REPORTS_VIEW, target);
            case OWN_JOBS -> policy.canAccessOwnJob(actor, target, actor.userId());
            case OTHERS_JOBS -> policy.canAccessOwnJob(actor, target, someoneIn.get(target));
            case QUOTA_SETTINGS -> policy.can(actor, Permission.QUOTAS_MANAGE, target);
            case OWN_USAGE -> policy.canViewUsageOf(actor, target, actor.userId());
        };
    }

    private final Map<String, Actor> actors = new java.util.HashMap<>();

    private Actor actorFor(String role) {
        return actors.computeIfAbsent(role, r -> {
            if (r.equals("REPORT_RECIPIENT")) {
                return new Actor(UserId.random(), c);
            }
            FixedRole fixed = FixedRole.valueOf(r);
            OrgId home = r.startsWith("PROVIDER") ? p : c;
            return world.person(home, fixed).actor();
        });
    }

    private OrgId target(String role, Relation relation) {
        boolean provider = role.startsWith("PROVIDER");
        return switch (relation) {
            case OWN -> provider ? p : c;
            case SIBLING -> provider ? p2 : c2;
            case CHILD -> provider ? c : null;
            case PARENT -> provider ? world.root() : p;
        };
    }
}
