package org.opencps.platform.security;

import java.util.List;
import org.jspecify.annotations.NonNull;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** Spring Security's view of an {@link Actor}; its name is the user id, so sessions can be found per user. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(List.of());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public @NonNull Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.userId().toString();
    }
}
