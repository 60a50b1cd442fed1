package dk.rm.patientsafety.security;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which units a caller may see: the regional team every unit; a risk manager the units in its token and every unit
 * below them in the organisation register (a hospital covers its departments); anyone else none.
 */
@Singleton
public class UnitScope {

    private final OrganisationRegister register;

    public UnitScope(OrganisationRegister register) {
        this.register = register;
    }

    public boolean covers(Caller caller, String sorCode) {
        if (caller.has(Roles.REGIONAL_TEAM)) {
            return true;
        }
        if (!caller.has(Roles.RISK_MANAGER) || sorCode == null) {
            return false;
        }
        return register.lineage(sorCode).stream().anyMatch(caller.units()::contains);
    }

    /** Every unit the caller covers, or empty for all units (the regional team). */
    public Optional<Set<String>> coveredUnits(Caller caller) {
        if (caller.has(Roles.REGIONAL_TEAM)) {
            return Optional.empty();
        }
        Set<String> covered = new HashSet<>();
        if (caller.has(Roles.RISK_MANAGER)) {
            covered.addAll(caller.units());
            for (OrganisationUnit unit : register.units()) {
                if (covers(caller, unit.sorCode())) {
                    covered.add(unit.sorCode());
                }
            }
        }
        return Optional.of(covered);
    }
}
