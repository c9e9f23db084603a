package org.opencps.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The policy's rules that need roles: an organization is managed from the provider directly above
 * it; a credential is its owner's or a user manager's business; something of one's own needs a role.
 */
@OpenCpsTest
class OrganizationAndCredentialChecksTest {

    @Autowired AccessPolicy policy;
    @Autowired World world;

    @Test
    void theProviderAboveManagesAnOrganizationItsChildrenDoNotAndStrangersDoNotSeeIt() {
        OrgId provider = world.provider(world.root(), "Managing Provider");
        OrgId customer = world.customer(provider, "Managed Customer");
        OrgId otherProvider = world.provider(world.root(), "Other Provider");
        Actor admin = world.adminOf(provider).actor();

        assertThatCode(() -> policy.requireManageOrganization(admin, customer)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireManageOrganization(world.adminOf(otherProvider).actor(), customer))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireManageOrganization(world.person(customer, FixedRole.CUSTOMER_ADMIN).actor(), customer))
                .isExactlyInstanceOf(ForbiddenException.class).hasMessageContaining("provider above");
        assertThatThrownBy(() -> policy.requireManageOrganization(world.person(provider, FixedRole.PROVIDER_SUPPORT).actor(), customer))
                .isExactlyInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireManageOrganization(admin, OrgId.random()))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireManageOrganization(world.rootAdmin().actor(), world.root()))
                .isExactlyInstanceOf(ForbiddenException.class).hasMessageContaining("root provider");
    }

    @Test
    void aCredentialIsItsOwnersOrAUserManagersAndNobodyElses() {
        OrgId org = world.customer(world.root(), "Credential Co");
        var owner = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_USER);
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var stranger = world.person(world.customer(world.root(), "Stranger Credential Co"), FixedRole.CUSTOMER_ADMIN);

        assertThat(policy.requireOwnCredentialOrUserManager(owner.actor(), org, owner.userId())).isTrue();
        assertThat(policy.requireOwnCredentialOrUserManager(admin.actor(), org, owner.userId())).isFalse();
        assertThatThrownBy(() -> policy.requireOwnCredentialOrUserManager(colleague.actor(), org, owner.userId()))
                .isExactlyInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireOwnCredentialOrUserManager(stranger.actor(), org, owner.userId()))
                .isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void somethingOfOnesOwnNeedsSomeRoleInTheOrganization() {
        OrgId org = world.customer(world.root(), "Role Co");
        assertThatCode(() -> policy.requireAnyRole(world.person(org, FixedRole.CUSTOMER_USER).actor(), org)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.requireAnyRole(world.person(org).actor(), org))
                .isExactlyInstanceOf(ForbiddenException.class).hasMessage("you hold no role in this organization");
    }
}
