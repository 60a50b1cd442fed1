package dk.rm.patientsafety.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where token claims become roles and unit scopes:
 * <ul>
 *   <li>roles: the {@code roles} claim ({@code platform.security.roles-claim}), or Keycloak's {@code realm_access.roles}
 *       and the token client's {@code resource_access.<client>.roles}; names outside {@link Roles#ALL} are ignored;</li>
 *   <li>units: the {@code units} claim ({@code platform.security.units-claim}), SOR codes as a list or space-separated.</li>
 * </ul>
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
public class PlatformClaims implements RolesFinder {

    private final PlatformSecurityConfig config;

    public PlatformClaims(PlatformSecurityConfig config) {
        this.config = config;
    }

    @Override
    public List<String> resolveRoles(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>(strings(claims.get(config.getRolesClaim())));
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            roles.addAll(strings(realm.get("roles")));
        }
        if (claims.get("resource_access") instanceof Map<?, ?> clients) {
            clients.values().forEach(client -> {
                if (client instanceof Map<?, ?> access) {
                    roles.addAll(strings(access.get("roles")));
                }
            });
        }
        roles.retainAll(Roles.ALL);
        return List.copyOf(roles);
    }

    /** The SOR codes of the units the token's holder acts for. */
    public Set<String> units(Map<String, Object> claims) {
        return new LinkedHashSet<>(strings(claims.get(config.getUnitsClaim())));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).filter(v -> !v.isBlank()).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.trim().split("[\\s,]+")).stream().filter(v -> !v.isBlank()).toList();
        }
        return List.of();
    }
}
