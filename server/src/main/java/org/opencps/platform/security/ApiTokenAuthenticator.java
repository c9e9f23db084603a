package org.opencps.platform.security;

import java.util.Optional;

/** Turns a bearer token into an actor; the identity module implements it. */
public interface ApiTokenAuthenticator {

    Optional<Actor> authenticate(String bearerToken);
}
