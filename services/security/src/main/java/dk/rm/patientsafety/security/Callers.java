package dk.rm.patientsafety.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Turns Micronaut's authentication of a request into a {@link Caller}. */
@Singleton
public class Callers {

    private final PlatformClaims claims;

    public Callers(PlatformClaims claims) {
        this.claims = claims;
    }

    public Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), java.util.Set.copyOf(authentication.getRoles()),
                claims.units(authentication.getAttributes()));
    }
}
