package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.events.IncidentSubmission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakePipelineTest {

    /** A date and four digits, with optional separators: what a CPR number looks like to anyone reading the event. */
    private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])[ .\\-]?(0[1-9]|1[0-2])[ .\\-]?\\d{2}[ .\\-]?\\d{4}(?!\\d)");

    private final IntakePipeline pipeline = Submissions.pipeline();

    @Test
    void leavesNoCprNumberAnywhereInTheEventAndKeepsTheReporterApart() {
        ObjectNode json = Submissions.validJson("R-1");
        json.put("headline", "Fald hos pt. 010190-1234");
        json.put("description", "Pt (cpr 0101901234) faldt.\nSe også 01.01.90-1234 og 010190 1234");
        json.put("mainGroup", "Fald 0101901234");
        ((ObjectNode) json.get("medicines").get(0)).put("tradeName", "Imovane til 010190-1234");
        IncidentReported report = accepted(json).report();

        String event = report.toString();
        assertFalse(CPR_LIKE.matcher(event).find(), event);
        assertTrue(report.getDescription().contains("[CPR]"));
        assertFalse(event.contains("anne@rm.dk"), "the reporter's identity is not on the shared event");
        assertFalse(event.contains("Anne"), "the reporter's name is not on the shared event");
    }

    @Test
    void pseudonymisesThePatientStablyAcrossFormats() {
        ObjectNode dashed = Submissions.validJson("R-1");
        ObjectNode plain = Submissions.validJson("R-2");
        plain.put("patientCpr", "0101901234");
        ObjectNode other = Submissions.validJson("R-3");
        other.put("patientCpr", "020190-1234");
        String first = accepted(dashed).report().getPatientReference();
        assertEquals(first, accepted(plain).report().getPatientReference());
        assertNotEquals(first, accepted(other).report().getPatientReference());
        assertFalse(first.contains("0101901234"));
    }

    @Test
    void movesTheReporterToTheRestrictedRecord() {
        IntakePipeline.Accepted accepted = accepted(Submissions.validJson("R-1"));
        assertEquals("anne@rm.dk", accepted.reporter().orElseThrow().getReporter().getEmail());
        assertEquals(accepted.report().getReportId(), accepted.reporter().orElseThrow().getReportId());
    }

    @Test
    void redactsContactDetailsAndStaffNamesOnlyInTheExternalTexts() {
        ObjectNode json = Submissions.validJson("R-1");
        json.put("description", "Sygeplejerske Hansen ringede til vagtlægen på 12 34 56 78 og skrev til anne@rm.dk.");
        IncidentReported report = accepted(json).report();
        assertTrue(report.getDescription().contains("anne@rm.dk"), "the hospital's own caseworkers see the full text");
        assertFalse(report.getExternalDescription().contains("anne@rm.dk"));
        assertFalse(report.getExternalDescription().contains("12 34 56 78"));
        assertFalse(report.getExternalDescription().contains("Hansen"));
    }

    @Test
    void givesTheSameReportIdToTheSameSourceAndSourceId() {
        assertEquals(accepted(Submissions.validJson("R-1")).report().getReportId(), accepted(Submissions.validJson("R-1")).report().getReportId());
        assertEquals(IntakePipeline.reportId("dpsd", "R-1"), accepted(Submissions.validJson("R-1")).report().getReportId());
    }

    @Test
    void pseudonymisesCprNumbersInIdentifiersKeepingIdsDistinctAndStable() {
        IncidentReported first = accepted(Submissions.validJson("sag 010190/1234")).report();
        IncidentReported again = accepted(Submissions.validJson("sag 01011990-1234")).report();
        IncidentReported other = accepted(Submissions.validJson("sag 010190/1235")).report();
        assertFalse(first.getSourceId().contains("1234"), first.getSourceId());
        assertTrue(first.getSourceId().startsWith("sag [CPR:"), first.getSourceId());
        assertEquals(first.getReportId(), again.getReportId(), "two writings of one number: one report");
        assertNotEquals(first.getReportId(), other.getReportId(), "two numbers: two reports");
    }

    @Test
    void redactsCprNumbersInTheReportersFieldsToo() {
        ObjectNode json = Submissions.validJson("R-1");
        json.putObject("reporter").put("name", "Anne 010190-1234").put("phone", "0101901234");
        ReporterRecord reporter = accepted(json).reporter().orElseThrow();
        assertEquals("Anne [CPR]", reporter.getReporter().getName());
        assertEquals("[CPR]", reporter.getReporter().getPhone());
    }

    @Test
    void rejectsWithReasonsAndPublishesNothing() {
        IncidentSubmission bad = Submissions.valid("R-1");
        bad.setIncidentLocation("123");
        IntakePipeline.Rejected rejected = assertInstanceOf(IntakePipeline.Rejected.class, pipeline.process(bad, Instant.now()));
        assertEquals("incidentLocation", rejected.errors().get(0).field());
    }

    private IntakePipeline.Accepted accepted(ObjectNode json) {
        IncidentSubmission submission = new JsonSubmissionReader().read(json).submission();
        return assertInstanceOf(IntakePipeline.Accepted.class, pipeline.process(submission, Submissions.CLOCK.instant()));
    }
}
