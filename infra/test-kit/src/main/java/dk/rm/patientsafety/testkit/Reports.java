package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Realistic incident reports for tests. */
public final class Reports {

    /** SOR code of a hospital department used in the examples (Aarhus Universitetshospital, akutafdeling). */
    public static final String AUH_EMERGENCY = "1309011000000";

    private Reports() {
    }

    public static IncidentReported.Builder report(Consequence actual, Consequence possible) {
        String sourceId = UUID.randomUUID().toString();
        return IncidentReported.newBuilder()
                .setReportId(UUID.nameUUIDFromBytes(("test:" + sourceId).getBytes()).toString())
                .setSource("test")
                .setSourceId(sourceId)
                .setReceivedAt(Instant.parse("2026-11-20T09:15:00Z"))
                .setHeadline("Forkert dosis heparin givet")
                .setDescription("Patienten fik 10-fold dosis heparin i.v. pga. forveksling af styrker.")
                .setEventDate(LocalDate.parse("2026-11-19"))
                .setEventTime(LocalTime.parse("22:40"))
                .setIncidentLocation(AUH_EMERGENCY)
                .setInvolvedLocations(List.of(new InvolvedLocation(AUH_EMERGENCY, LocationRole.OCCURRED)))
                .setActualConsequence(actual)
                .setPossibleConsequence(possible)
                .setMainGroup("Medicinering")
                .setMedicines(List.of(Medicine.newBuilder().setSubstance("heparin").setAtcCode("B01AB01").setRoute("i.v.").build()))
                .setDevices(List.of())
                .setReporterType(ReporterType.HEALTH_PROFESSIONAL)
                .setPatientReference(null);
    }

    public static IncidentReported serious() {
        return report(Consequence.SERIOUS, Consequence.FATAL).build();
    }

    public static IncidentReported minor() {
        return report(Consequence.MINOR, Consequence.MINOR).setHeadline("Forsinket medicinudlevering").build();
    }
}
