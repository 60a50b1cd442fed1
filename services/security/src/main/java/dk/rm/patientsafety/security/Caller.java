package dk.rm.patientsafety.security;

import java.util.Set;

/** Who is calling: the token's subject (what the audit trail records), roles and units. */
public record Caller(String subject, Set<String> roles, Set<String> units) {

    public Caller {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
