package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.ClassificationOverride;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.DecidedBy;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.taxonomy.IncidentTypeClassifier;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TopologyTestKit kit = new TopologyTestKit();
    private TestInputTopic<String, IncidentReported> reported;
    private TestInputTopic<String, byte[]> reportedRaw;
    private TestInputTopic<String, ClassificationOverride> overrides;
    private TestOutputTopic<String, IncidentClassified> classified;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    static IncidentClassifier classifier() {
        OrganisationRegister register = OrganisationRegister.load(Optional.empty());
        return new IncidentClassifier(new TaxonomyTypeRule(IncidentTypeClassifier.defaults()), SacMatrix.load(Optional.empty()),
                new ResponsibleUnitRouter(register), new CrossSectorRule(register), CLOCK);
    }

    @BeforeEach
    void setUp() {
        kit.start(ClassifierTopology.build(kit.registry(), classifier(), CLOCK), ClassifierTopology.APPLICATION_ID);
        reported = kit.input(Topics.INCIDENTS_REPORTED);
        reportedRaw = kit.rawInput(Topics.INCIDENTS_REPORTED);
        overrides = kit.input(Topics.CLASSIFICATION_OVERRIDES);
        classified = kit.output(Topics.INCIDENTS_CLASSIFIED);
        deadLetters = kit.output(Topics.DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void classifiesEachReportUnderItsReportIdWithEveryDecisionExplained() {
        IncidentReported serious = Reports.serious();
        reported.pipeInput(serious.getReportId(), serious);

        var first = classified.readKeyValue();
        assertTrue(classified.isEmpty());
        assertEquals(serious.getReportId(), first.key);
        IncidentClassified incident = first.value;
        assertEquals(OverallSeverity.SERIOUS_CONSEQUENCE, incident.getOverallSeverity());
        assertEquals(IncidentType.MEDICATION, incident.getIncidentType());
        assertEquals(3, incident.getSacScore());
        assertEquals("1309010000000", incident.getResponsibleUnit());
        assertEquals(DecidedBy.AUTOMATIC, incident.getDecidedBy());
        assertEquals(serious, incident.getReport());
        assertEquals(NOW, incident.getClassifiedAt());
        assertEquals(java.util.List.of("overallSeverity", "incidentType", "sacScore", "responsibleUnit", "crossSector"),
                incident.getExplanations().stream().map(e -> e.getAspect()).toList());
    }

    @Test
    void aCaseworkersOverrideWinsAndIsCarriedAlong() {
        IncidentReported report = Reports.serious();
        reported.pipeInput(report.getReportId(), report);
        overrides.pipeInput(report.getReportId(), override(report.getReportId()));

        classified.readValue();
        IncidentClassified overridden = classified.readValue();
        assertEquals(OverallSeverity.MINOR_CONSEQUENCE, overridden.getOverallSeverity());
        assertEquals(IncidentType.DOCUMENTATION, overridden.getIncidentType());
        assertEquals(DecidedBy.CASEWORKER, overridden.getDecidedBy());
        assertEquals("o-1", overridden.getOverride().getOverrideId());
        assertEquals("override", overridden.getExplanations().get(overridden.getExplanations().size() - 1).getAspect());
    }

    @Test
    void anOverrideThatArrivesFirstIsAppliedWhenTheReportComes() {
        IncidentReported report = Reports.serious();
        overrides.pipeInput(report.getReportId(), override(report.getReportId()));
        assertTrue(classified.isEmpty());
        reported.pipeInput(report.getReportId(), report);
        assertEquals(DecidedBy.CASEWORKER, classified.readValue().getDecidedBy());
    }

    @Test
    void sendsUndecodableRecordsToTheDeadLettersWithTheirBytesAndPosition() {
        byte[] garbage = {0, 0, 0, 0, 42, 1, 2, 3};
        reportedRaw.pipeInput("k-1", garbage);
        IncidentReported ok = Reports.minor();
        reported.pipeInput(ok.getReportId(), ok);

        DeadLetter deadLetter = deadLetters.readValue();
        assertTrue(deadLetters.isEmpty());
        assertEquals(ClassifierTopology.APPLICATION_ID, deadLetter.getService());
        assertEquals(Topics.INCIDENTS_REPORTED.name(), deadLetter.getSourceTopic());
        assertEquals(0L, deadLetter.getSourceOffset());
        assertEquals("UNKNOWN_SCHEMA_ID", deadLetter.getReasonCode());
        assertTrue(deadLetter.getReason().contains("Unknown writer schema id 42"), deadLetter.getReason());
        assertArrayEquals(garbage, deadLetter.getOriginalValue().array());
        assertEquals(ok.getReportId(), classified.readKeyValue().key, "a bad record does not stop the good ones");
        assertTrue(classified.isEmpty());
    }

    @Test
    void deadLettersTrailingBytesAfterAValidBodyAndBytesNotInTheWireFormat() {
        IncidentReported report = Reports.serious();
        byte[] valid = Topics.INCIDENTS_REPORTED.valueSerde(kit.registry()).serializer().serialize(Topics.INCIDENTS_REPORTED.name(), report);
        byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 3);
        reportedRaw.pipeInput(report.getReportId(), trailing);
        reportedRaw.pipeInput("k-2", new byte[] {1, 2, 3});

        assertEquals(java.util.List.of("TRAILING_BYTES", "MALFORMED_AVRO"),
                deadLetters.readValuesToList().stream().map(DeadLetter::getReasonCode).toList());
        assertTrue(classified.isEmpty(), "a record with trailing bytes is not taken as whole");
        reportedRaw.pipeInput(report.getReportId(), valid);
        assertEquals(report.getReportId(), classified.readKeyValue().key);
    }

    private static ClassificationOverride override(String reportId) {
        return ClassificationOverride.newBuilder()
                .setOverrideId("o-1").setReportId(reportId)
                .setIncidentType(IncidentType.DOCUMENTATION).setOverallSeverity(OverallSeverity.MINOR_CONSEQUENCE)
                .setCaseworker("risk-manager-1").setReason("Dosis blev kun noteret forkert, ikke givet")
                .setDecidedAt(NOW).build();
    }
}
