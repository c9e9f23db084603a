package org.opencps.platform.security;

import org.opencps.platform.ids.UserId;

/**
 * Step-up before a sensitive action (an API token, a new password, managing second factors, SSO and security
 * settings, purging an organization): a person who has a second factor must have proved it recently in this login
 * session. Identity owns the rule and implements it; modules below identity (tenancy) call it through this.
 */
public interface StepUp {

    /** Throws a 403 ({@link org.opencps.platform.errors.ForbiddenException}) when the person must confirm their second factor first. */
    void require(UserId user);
}
