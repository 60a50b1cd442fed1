package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A fully populated incident report, with non-ASCII text and every optional part filled in. */
final class Incidents {

    private Incidents() {
    }

    static IncidentReported sample(String reportId) {
        return IncidentReported.newBuilder()
                .setReportId(reportId)
                .setSource("http")
                .setSourceId("UTH-2024-000123")
                .setReceivedAt(Instant.parse("2024-03-01T10:15:30.250Z"))
                .setHeadline("Forkert dosis – opdaget på sengeafsnit")
                .setDescription("Patienten fik 10 mg i stedet for 1 mg; opdaget ved næste måling.")
                .setEventDate(LocalDate.of(2024, 2, 29))
                .setEventTime(LocalTime.of(22, 5, 7))
                .setIncidentLocation("6620096")
                .setInvolvedLocations(List.of(new InvolvedLocation("1301011", LocationRole.HANDED_OVER)))
                .setActualConsequence(Consequence.MINOR)
                .setPossibleConsequence(Consequence.FATAL)
                .setMainGroup("Medicin – Udstyr – Stråling")
                .setMedicines(List.of(Medicine.newBuilder().setTradeName("Marevan").setSubstance("warfarin")
                        .setRoute("oral").setStrength("2,5 mg").setAtcCode("B01AA03").build()))
                .setDevices(List.of(MedicalDevice.newBuilder().setType("infusionspumpe").setTradeName("Volumat").setModel(null).build()))
                .setReporterType(ReporterType.HEALTH_PROFESSIONAL)
                .setPatientReference("pseudonym-4f1c")
                .build();
    }
}
