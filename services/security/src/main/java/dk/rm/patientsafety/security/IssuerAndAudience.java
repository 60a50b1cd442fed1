package dk.rm.patientsafety.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Collection;

/** A token counts only if its issuer is the configured one, exactly, and its audience includes the platform. */
@Singleton
public class IssuerAndAudience<T> implements GenericJwtClaimsValidator<T> {

    private final PlatformSecurityConfig config;

    public IssuerAndAudience(PlatformSecurityConfig config) {
        this.config = config;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return config.getIssuer().equals(claims.get(Claims.ISSUER)) && audienceIncludesPlatform(claims.get(Claims.AUDIENCE));
    }

    private boolean audienceIncludesPlatform(Object audience) {
        if (audience instanceof Collection<?> values) {
            return values.stream().anyMatch(config.getAudience()::equals);
        }
        return config.getAudience().equals(audience);
    }
}
