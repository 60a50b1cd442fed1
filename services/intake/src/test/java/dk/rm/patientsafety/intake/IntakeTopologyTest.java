package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeTopologyTest {

    private final TopologyTestKit kit = new TopologyTestKit();
    private final IntakeCounters counters = new IntakeCounters();
    private TestInputTopic<String, IncidentSubmission> submitted;
    private TestInputTopic<String, byte[]> submittedRaw;
    private TestInputTopic<String, IncidentReported> acceptedOverHttp;
    private TestOutputTopic<String, IncidentReported> reported;
    private TestOutputTopic<String, ReporterRecord> reporters;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        kit.start(IntakeTopology.build(kit.registry(), Submissions.pipeline(), counters, Submissions.CLOCK), IntakeTopology.APPLICATION_ID);
        submitted = kit.input(Topics.INCIDENTS_SUBMITTED);
        submittedRaw = kit.rawInput(Topics.INCIDENTS_SUBMITTED);
        acceptedOverHttp = kit.input(Topics.INTAKE_ACCEPTED);
        reported = kit.output(Topics.INCIDENTS_REPORTED);
        reporters = kit.output(Topics.REPORTERS);
        deadLetters = kit.output(Topics.INTAKE_DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void publishesAValidSubmissionOnceUnderItsReportIdAndItsReporterApart() {
        submitted.pipeInput("source-key", Submissions.valid("K-1"));

        var published = reported.readKeyValue();
        assertEquals(IntakePipeline.reportId("dpsd", "K-1"), published.key);
        assertEquals("K-1", published.value.getSourceId());
        assertEquals(published.key, reporters.readKeyValue().key);
        assertTrue(reported.isEmpty());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void publishesAResubmissionFromAnyPathOnlyOnce() {
        IncidentSubmission submission = Submissions.valid("K-2");
        submitted.pipeInput("a", submission);
        submitted.pipeInput("b", submission);
        IncidentReported sameOverHttp = ((IntakePipeline.Accepted) Submissions.pipeline().process(submission, Submissions.CLOCK.instant())).report();
        acceptedOverHttp.pipeInput(sameOverHttp.getReportId(), sameOverHttp);

        assertEquals(1, reported.readValuesToList().size());
        assertEquals(1, counters.snapshot().published());
        assertEquals(2, counters.snapshot().duplicates());
    }

    @Test
    void deadLettersAnInvalidSubmissionWithItsBytesPositionAndReasons() {
        IncidentSubmission bad = Submissions.valid("K-3");
        bad.setEventDate("2026-13-01");
        bad.setIncidentLocation("1309999000000");
        submitted.pipeInput("k", bad);

        DeadLetter deadLetter = deadLetters.readValue();
        assertEquals("INVALID_REPORT", deadLetter.getReasonCode());
        assertEquals("eventDate is not a date of the form YYYY-MM-DD; incidentLocation is not a unit in the organisation register",
                deadLetter.getReason());
        assertEquals(Topics.INCIDENTS_SUBMITTED.name(), deadLetter.getSourceTopic());
        assertEquals(0L, deadLetter.getSourceOffset());
        assertTrue(deadLetter.getOriginalValue().remaining() > 0);
        assertTrue(reported.isEmpty());
    }

    @Test
    void deadLettersMalformedAvroAndEmptyValuesAndGoesOn() {
        byte[] notAvro = "{\"headline\": \"json, not avro\"}".getBytes();
        submittedRaw.pipeInput("k1", notAvro);
        submittedRaw.pipeInput("k2", (byte[]) null);
        submitted.pipeInput("k3", Submissions.valid("K-4"));

        List<DeadLetter> dead = deadLetters.readValuesToList();
        assertEquals(List.of("MALFORMED_AVRO", "EMPTY_VALUE"), dead.stream().map(DeadLetter::getReasonCode).toList());
        assertArrayEquals(notAvro, dead.get(0).getOriginalValue().array());
        assertEquals(1, reported.readValuesToList().size());
        IntakeCounters.Counts kafka = counters.snapshot().paths().get("kafka");
        assertEquals(new IntakeCounters.Counts(3, 1, 2), kafka);
    }
}
