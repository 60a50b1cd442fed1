package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.testkit.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing, cross-sector and SAC rules against the built-in organisation register and SAC matrix. */
class RoutingRulesTest {

    private static final String AUH = "1309010000000";
    private static final String REGIONAL_TEAM = "1309099000000";
    private final OrganisationRegister register = OrganisationRegister.load(Optional.empty());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1309011000000, 1309010000000",   // AUH emergency department -> AUH
            "1309061000000, 1309060000000",   // psychiatric department -> its psychiatric hospital
            "1309090000000, 1309090000000",   // prehospital service handles its own
            "4310000000000, 1309099000000",   // general practice -> regional team
            "5210000000000, 1309099000000",   // pharmacy -> regional team
            "7511000000000, 1309099000000",   // municipal home care -> regional team
    })
    void routesToThePatientSafetyOfficersResponsibleForTheLocation(String location, String responsible) {
        assertEquals(responsible, new ResponsibleUnitRouter(register).route(at(location)).responsibleUnit());
    }

    @Test
    void notifiesTheResponsibleUnitsOfEveryInvolvedLocationOnce() {
        IncidentReported report = at("1309032000000");
        report.setInvolvedLocations(List.of(new InvolvedLocation("1309032000000", LocationRole.HANDED_OVER),
                new InvolvedLocation("7511000000000", LocationRole.RECEIVED), new InvolvedLocation("4310000000000", LocationRole.RECEIVED)));
        assertEquals(List.of("1309030000000", REGIONAL_TEAM), new ResponsibleUnitRouter(register).route(report).recipients());
    }

    @Test
    void flagsADischargeToHomeCareAsCrossSector() {
        IncidentReported report = at("1309032000000");
        report.setInvolvedLocations(List.of(new InvolvedLocation("7511000000000", LocationRole.RECEIVED)));
        CrossSectorRule.Decision decision = new CrossSectorRule(register).decide(report);
        assertTrue(decision.crossSector());
        assertEquals(List.of("HOSPITAL", "MUNICIPALITY"), decision.sectors());
        assertTrue(decision.explanation().getEvidence().contains("7511000000000(RECEIVED)=MUNICIPALITY"));
    }

    @Test
    void twoDepartmentsOfOneHospitalAreOneSector() {
        IncidentReported report = at("1309011000000");
        report.setInvolvedLocations(List.of(new InvolvedLocation("1309013000000", LocationRole.RECEIVED)));
        assertFalse(new CrossSectorRule(register).decide(report).crossSector());
    }

    @ParameterizedTest(name = "{0}/{1} {2} -> SAC {3}")
    @CsvSource({
            "FATAL,   UNKNOWN, OTHER,                3",
            "NONE,    SERIOUS, MEDICATION,           3",
            "NONE,    SERIOUS, OTHER,                2",
            "MINOR,   MINOR,   PATIENT_ACCIDENT_FALL, 2",
            "MINOR,   MINOR,   BLOOD_PRODUCTS,       1",
            "NONE,    NONE,    MEDICATION,           1",
    })
    void scoresSacFromTheWorstConsequenceAndTheTypesProbability(Consequence actual, Consequence possible, IncidentType type, int sac) {
        assertEquals(sac, SacMatrix.load(Optional.empty()).score(actual, possible, type).orElseThrow().score());
    }

    @Test
    void givesNoSacWhenNoConsequenceIsKnown() {
        assertTrue(SacMatrix.load(Optional.empty()).score(Consequence.UNKNOWN, Consequence.UNKNOWN, IncidentType.OTHER).isEmpty());
    }

    private static IncidentReported at(String location) {
        IncidentReported report = Reports.minor();
        report.setIncidentLocation(location);
        report.setInvolvedLocations(List.of());
        return report;
    }
}
