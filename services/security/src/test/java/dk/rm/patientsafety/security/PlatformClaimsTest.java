package dk.rm.patientsafety.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformClaimsTest {

    private final PlatformClaims claims = new PlatformClaims(new PlatformSecurityConfig());

    @Test
    void rolesComeFromTheRolesClaimAndUnknownNamesAreIgnored() {
        assertEquals(List.of("risk-manager"), claims.resolveRoles(Map.of("roles", List.of("risk-manager", "admin", "ROLE_USER"))));
        assertEquals(List.of("reporter", "downstream"), claims.resolveRoles(Map.of("roles", "reporter downstream")));
        assertEquals(List.of(), claims.resolveRoles(Map.of("sub", "someone")));
    }

    @Test
    void keycloakRealmAndClientRolesCountToo() {
        Map<String, Object> keycloak = Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "regional-team")),
                "resource_access", Map.of("patient-safety-platform", Map.of("roles", List.of("downstream")),
                        "account", Map.of("roles", List.of("manage-account"))));
        assertEquals(Set.of("regional-team", "downstream"), Set.copyOf(claims.resolveRoles(keycloak)));
    }

    @Test
    void aConfiguredRolesClaimReplacesTheDefaultName() {
        PlatformSecurityConfig config = new PlatformSecurityConfig();
        config.setRolesClaim("groups");
        PlatformClaims groups = new PlatformClaims(config);
        assertEquals(List.of("partner"), groups.resolveRoles(Map.of("groups", List.of("partner"), "roles", List.of("regional-team"))));
    }

    @Test
    void unitsAreAListOrSeparatedCodes() {
        assertEquals(Set.of("1309010000000", "1309020000000"), claims.units(Map.of("units", List.of("1309010000000", "1309020000000"))));
        assertEquals(Set.of("1309010000000", "1309020000000"), claims.units(Map.of("units", "1309010000000, 1309020000000")));
        assertEquals(Set.of(), claims.units(Map.of("units", 42)));
        assertEquals(Set.of(), claims.units(Map.of()));
    }
}
