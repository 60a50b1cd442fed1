package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.DecidedBy;
import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classification and routing on the real broker and registry: reports over HTTP to intake, every decision of the
 * classifier read back from {@code uth.incidents.classified.v1} with its explanation, and a caseworker's override as an
 * audit event and a re-emitted classification. {@code IncidentToAlertIT} covers severity → alert → withdrawal; this
 * test covers type, SAC score, routing, the cross-sector flag and the override's audit trail.
 */
class ClassificationIT extends PlatformIT {


    /** SOR codes of the shipped organisation register (services/commons, organisation/register.json). */
    private static final String HOME_CARE_AARHUS = "7511000000000";
    private static final String GP_SOENDERGADE = "4310000000000";
    private static final String REGIONAL_TEAM = "1309099000000";
    private static final String AUH_ORTHOPAEDICS = "1309013000000";
    private static final String AUH = "1309010000000";
    private static final String GOEDSTRUP_MEDICAL = "1309021000000";
    private static final String GOEDSTRUP = "1309020000000";


    @Test
    void eachReportIsTypedScoredRoutedAndExplained() throws Exception {
        String homeCare = submit(report("CLS-HOMECARE", "Forkert dosis morfin i hjemmet",
                "Borgeren fik morfin 10 mg i stedet for 5 mg, da hjemmeplejen gav dosis efter den gamle medicinliste. "
                        + "Egen læge havde ændret ordinationen i FMK uden at give besked. Borgeren var sløv resten af dagen.",
                HOME_CARE_AARHUS, "MINOR", "SERIOUS",
                Map.of("involvedLocations", List.of(Map.of("sorCode", HOME_CARE_AARHUS, "role", "OCCURRED"),
                                Map.of("sorCode", GP_SOENDERGADE, "role", "ORIGINATED")),
                        "medicines", List.of(Map.of("substance", "morfin", "atcCode", "N02AA01")))));
        String fall = submit(report("CLS-FALL", "Patient faldt på badeværelset",
                "Patienten faldt i forsøget på at gå alene på toilettet om natten og slog hovedet. Sengealarm var ikke slået til.",
                AUH_ORTHOPAEDICS, "MINOR", "MINOR", Map.of()));
        String device = submit(report("CLS-DEVICE", "Infusionspumpe gik i stå",
                "Infusionspumpen stoppede midt i infusionen med teknisk fejl og kunne ikke genstartes. Pumpen blev taget ud af drift "
                        + "og sendt til medicoteknisk afdeling.",
                GOEDSTRUP_MEDICAL, "NONE", "SERIOUS", Map.of("devices", List.of(Map.of("type", "infusionspumpe")))));

        Map<String, IncidentClassified> classified = latestByKey(TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry,
                read -> keys(read).containsAll(Set.of(homeCare, fall, device)), Duration.ofSeconds(60)));

        IncidentClassified medication = classified.get(homeCare);
        assertEquals(IncidentType.MEDICATION, medication.getIncidentType());
        assertEquals(OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, medication.getOverallSeverity());
        assertEquals(3, medication.getSacScore(), "major × frequent");
        assertEquals(REGIONAL_TEAM, medication.getResponsibleUnit(), "municipal care goes to the regional team");
        assertEquals(List.of(REGIONAL_TEAM), medication.getRecipients());
        assertTrue(medication.getCrossSector());
        assertEquals(List.of("GENERAL_PRACTICE", "MUNICIPALITY"), medication.getSectors());
        assertEquals(DecidedBy.AUTOMATIC, medication.getDecidedBy());
        assertExplained(medication, "overallSeverity", "SeverityMatrix", "actualConsequence=MINOR", "possibleConsequence=SERIOUS");
        assertExplained(medication, "incidentType", "IncidentTypeClassifier -> MEDICATION", "atcCode:N02AA01", "morfin");
        assertExplained(medication, "sacScore", "SacMatrix: MAJOR x FREQUENT -> 3", "incidentType=MEDICATION");
        assertExplained(medication, "responsibleUnit", "ResponsibleUnitRouter: " + HOME_CARE_AARHUS + " -> " + REGIONAL_TEAM,
                "incidentLocation=" + HOME_CARE_AARHUS, "involvedLocation=" + GP_SOENDERGADE + ":ORIGINATED");
        assertExplained(medication, "crossSector", "CrossSectorRule: sectors [GENERAL_PRACTICE, MUNICIPALITY] -> cross-sector",
                GP_SOENDERGADE + "(ORIGINATED)=GENERAL_PRACTICE", HOME_CARE_AARHUS + "(OCCURRED)=MUNICIPALITY");

        IncidentClassified fallen = classified.get(fall);
        assertEquals(IncidentType.PATIENT_ACCIDENT_FALL, fallen.getIncidentType());
        assertEquals(OverallSeverity.MINOR_CONSEQUENCE, fallen.getOverallSeverity());
        assertEquals(2, fallen.getSacScore(), "moderate × frequent");
        assertEquals(AUH, fallen.getResponsibleUnit(), "a department's incidents go to its hospital");
        assertFalse(fallen.getCrossSector());
        assertEquals(List.of("HOSPITAL"), fallen.getSectors());
        assertExplained(fallen, "incidentType", "IncidentTypeClassifier -> PATIENT_ACCIDENT_FALL", "headline:", "fald");
        assertExplained(fallen, "crossSector", "CrossSectorRule: sectors [HOSPITAL] -> one sector", AUH_ORTHOPAEDICS + "=HOSPITAL");

        IncidentClassified pump = classified.get(device);
        assertEquals(IncidentType.MEDICAL_DEVICE, pump.getIncidentType());
        assertEquals(OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, pump.getOverallSeverity());
        assertEquals(2, pump.getSacScore(), "major × occasional (the default probability)");
        assertEquals(GOEDSTRUP, pump.getResponsibleUnit());
        assertFalse(pump.getCrossSector());
        assertExplained(pump, "incidentType", "IncidentTypeClassifier -> MEDICAL_DEVICE", "device:infusionspumpe", "pump");
    }

    @Test
    void anOverrideIsAuditedAndWinsForTheFieldsItSets() throws Exception {
        String reportId = submit(report("CLS-OVERRIDE", "Patient faldt fra seng",
                "Patienten faldt ud af sengen om natten, sengehesten var ikke sat op. Ingen synlige skader.",
                AUH_ORTHOPAEDICS, "NONE", "MINOR", Map.of()));
        IncidentClassified automatic = latestByKey(TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry,
                read -> keys(read).contains(reportId), Duration.ofSeconds(60))).get(reportId);
        assertEquals(IncidentType.PATIENT_ACCIDENT_FALL, automatic.getIncidentType());
        assertEquals(2, automatic.getSacScore(), "moderate × frequent");

        // The caseworker is whoever signed in: the risk manager of the hospital the fall happened in.
        String caseworker = "rm-auh";
        HttpResponse<String> accepted = postJson(caseworker, "classifier", "/api/v1/incidents/" + reportId + "/classification",
                JSON.writeValueAsString(Map.of("sacScore", 3, "reason", "Gentagen hændelse på afsnittet")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode answer = JSON.readTree(accepted.body());
        String overrideId = answer.get("overrideId").asText();
        assertEquals(reportId, answer.get("reportId").asText());

        List<ConsumerRecord<String, ClassificationOverride>> audit = TopicRecords.readUntil(kafka, Topics.CLASSIFICATION_OVERRIDES, registry,
                read -> read.stream().anyMatch(r -> overrideId.equals(r.value().getOverrideId())), Duration.ofSeconds(30));
        List<ClassificationOverride> ours = audit.stream().map(ConsumerRecord::value)
                .filter(o -> overrideId.equals(o.getOverrideId())).toList();
        assertEquals(1, ours.size(), "one audit record per accepted override");
        ClassificationOverride recorded = ours.get(0);
        assertEquals(reportId, audit.stream().filter(r -> overrideId.equals(r.value().getOverrideId())).findFirst().orElseThrow().key(),
                "keyed by report, co-partitioned with the reports");
        assertEquals(caseworker, recorded.getCaseworker());
        assertEquals("Gentagen hændelse på afsnittet", recorded.getReason());
        assertEquals(3, recorded.getSacScore());
        assertNull(recorded.getIncidentType());
        assertNull(recorded.getOverallSeverity());
        assertNotNull(recorded.getDecidedAt());

        IncidentClassified overridden = latestByKey(TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry,
                read -> read.stream().anyMatch(r -> reportId.equals(r.key()) && r.value().getOverride() != null
                        && overrideId.equals(r.value().getOverride().getOverrideId())), Duration.ofSeconds(30))).get(reportId);
        assertEquals(DecidedBy.CASEWORKER, overridden.getDecidedBy());
        assertEquals(overrideId, overridden.getOverride().getOverrideId());
        assertEquals(3, overridden.getSacScore(), "the caseworker's score wins");
        assertEquals(automatic.getIncidentType(), overridden.getIncidentType(), "fields the override leaves alone stay automatic");
        assertEquals(automatic.getOverallSeverity(), overridden.getOverallSeverity());
        assertEquals(automatic.getResponsibleUnit(), overridden.getResponsibleUnit());
        assertExplained(overridden, "override", "Caseworker override " + overrideId + " by " + caseworker, "sacScore=3");
        assertExplained(overridden, "sacScore", "SacMatrix: MODERATE x FREQUENT -> 2", "actualConsequence=NONE"); // the automatic reason, kept
    }

    @Test
    void anOverrideOfAnUnknownIncidentIsAProblem() throws Exception {
        HttpResponse<String> response = postOverride(UUID.randomUUID().toString(), Map.of("incidentType", "MEDICATION",
                "reason", "test"));
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("https://patientsafety.rm.dk/problems/unknown-report", problem.get("type").asText());
        assertEquals(404, problem.get("status").asInt());
    }

    /** The explanation of {@code aspect} names {@code rule} and each piece of {@code evidence} (substrings). */
    private static void assertExplained(IncidentClassified incident, String aspect, String rule, String... evidence) {
        List<Explanation> matching = incident.getExplanations().stream().filter(e -> aspect.equals(e.getAspect())).toList();
        assertEquals(1, matching.size(), aspect + " explained once: " + incident.getExplanations());
        Explanation explanation = matching.get(0);
        assertTrue(explanation.getRule().contains(rule), aspect + ": rule " + explanation.getRule() + " names " + rule);
        for (String expected : evidence) {
            assertTrue(explanation.getEvidence().stream().anyMatch(e -> e.contains(expected)),
                    aspect + ": evidence " + explanation.getEvidence() + " names " + expected);
        }
    }

    private static Map<String, Object> report(String sourceId, String headline, String description, String location,
                                              String actual, String possible, Map<String, Object> extra) {
        Map<String, Object> report = new HashMap<>(Map.of(
                "source", "classification-test",
                "sourceId", sourceId + "-" + UUID.randomUUID(),
                "headline", headline,
                "description", description,
                "eventDate", "2026-11-20",
                "eventTime", "08:30",
                "incidentLocation", location,
                "actualConsequence", actual,
                "possibleConsequence", possible,
                "reporterType", "HEALTH_PROFESSIONAL"));
        report.putAll(extra);
        return report;
    }

    /** The last classification per report: the topic is a changelog, its latest record per key is the current state. */
    private static Map<String, IncidentClassified> latestByKey(List<ConsumerRecord<String, IncidentClassified>> records) {
        Map<String, IncidentClassified> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }
}
