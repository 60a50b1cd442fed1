package dk.rm.patientsafety.security;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On the platform's own organisation register: a hospital covers its departments, nothing else. */
class UnitScopeTest {

    private static final String AUH = "1309010000000";
    private static final String AUH_EMERGENCY = "1309011000000";
    private static final String GOEDSTRUP_MEDICINE = "1309021000000";

    private final UnitScope scope = new UnitScope(OrganisationRegister.load(Optional.empty()));

    @Test
    void aRiskManagerOfAHospitalCoversItAndItsDepartmentsOnly() {
        Caller manager = new Caller("rm", Set.of(Roles.RISK_MANAGER), Set.of(AUH));
        assertTrue(scope.covers(manager, AUH));
        assertTrue(scope.covers(manager, AUH_EMERGENCY));
        assertFalse(scope.covers(manager, GOEDSTRUP_MEDICINE));
        assertFalse(scope.covers(manager, "1309000000000"), "not the region above the hospital");
        assertFalse(scope.covers(manager, "9999999999999"), "not a unit the register does not know");
        assertFalse(scope.covers(manager, null));
        Set<String> covered = scope.coveredUnits(manager).orElseThrow();
        assertTrue(covered.containsAll(Set.of(AUH, AUH_EMERGENCY)));
        assertFalse(covered.contains(GOEDSTRUP_MEDICINE));
    }

    @Test
    void aRiskManagerOfADepartmentDoesNotCoverItsHospital() {
        Caller manager = new Caller("rm", Set.of(Roles.RISK_MANAGER), Set.of(AUH_EMERGENCY));
        assertTrue(scope.covers(manager, AUH_EMERGENCY));
        assertFalse(scope.covers(manager, AUH));
    }

    @Test
    void theRegionalTeamCoversEveryUnit() {
        Caller team = new Caller("team", Set.of(Roles.REGIONAL_TEAM), Set.of());
        assertTrue(scope.covers(team, GOEDSTRUP_MEDICINE));
        assertEquals(Optional.empty(), scope.coveredUnits(team));
    }

    @Test
    void unitsWithoutTheRiskManagerRoleCoverNothing() {
        Caller partner = new Caller("aarhus", Set.of(Roles.PARTNER), Set.of(AUH));
        assertFalse(scope.covers(partner, AUH));
        assertEquals(Optional.of(Set.of()), scope.coveredUnits(partner));
        Caller reporter = new Caller("nurse", Set.of(Roles.REPORTER), Set.of(AUH));
        assertFalse(scope.covers(reporter, AUH_EMERGENCY));
    }
}
