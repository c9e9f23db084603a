/**
 * People: accounts, memberships, groups, credentials (password, PIN, card, API tokens), logins and
 * lockout, login sessions ({@link org.opencps.identity.SessionLogin}), invitations, sign-up and password resets.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "platform :: *"})
package org.opencps.identity;

import org.springframework.modulith.ApplicationModule;
