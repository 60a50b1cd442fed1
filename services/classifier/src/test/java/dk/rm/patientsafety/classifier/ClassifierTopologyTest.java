package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.OverallSeverity;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final TopologyTestKit kit = new TopologyTestKit();
    private TestInputTopic<String, IncidentReported> reported;
    private TestInputTopic<String, byte[]> reportedRaw;
    private TestOutputTopic<String, IncidentClassified> classified;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        kit.start(ClassifierTopology.build(kit.registry(), Clock.fixed(NOW, ZoneOffset.UTC)), ClassifierTopology.APPLICATION_ID);
        reported = kit.input(Topics.INCIDENTS_REPORTED);
        reportedRaw = kit.rawInput(Topics.INCIDENTS_REPORTED);
        classified = kit.output(Topics.INCIDENTS_CLASSIFIED);
        deadLetters = kit.output(Topics.DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void classifiesEachReportUnderItsReportId() {
        IncidentReported serious = Reports.serious();
        IncidentReported minor = Reports.minor();
        reported.pipeInput(serious.getReportId(), serious);
        reported.pipeInput(minor.getReportId(), minor);

        var first = classified.readKeyValue();
        var second = classified.readKeyValue();
        assertTrue(classified.isEmpty());
        assertEquals(serious.getReportId(), first.key);
        assertEquals(OverallSeverity.SERIOUS_CONSEQUENCE, first.value.getOverallSeverity());
        assertEquals(serious, first.value.getReport());
        assertEquals(NOW, first.value.getClassifiedAt());
        assertEquals(IncidentClassifier.VERSION, first.value.getClassifierVersion());
        assertEquals("overallSeverity", first.value.getExplanations().get(0).getAspect());
        assertEquals(OverallSeverity.MINOR_CONSEQUENCE, second.value.getOverallSeverity());
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
        assertEquals("UNDECODABLE_VALUE", deadLetter.getReasonCode());
        assertArrayEquals(garbage, deadLetter.getOriginalValue().array());
        assertEquals(ok.getReportId(), classified.readKeyValue().key, "a bad record does not stop the good ones");
        assertTrue(classified.isEmpty());
    }
}
