package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.service.http.Problem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportValidatorTest {

    private final ReportValidator validator = new ReportValidator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    static IncidentReportRequest valid() {
        return new IncidentReportRequest("dpsd", "R-1", "Fald på toilet", "Patienten faldt.", "2026-11-20", "14:05",
                "1309011000000", List.of(new IncidentReportRequest.Location("1309011000000", "OCCURRED")),
                "MINOR", "SERIOUS", "Fald", List.of(), List.of(), "HEALTH_PROFESSIONAL");
    }

    @Test
    void acceptsACompleteReport() {
        assertEquals(List.of(), validator.validate(valid()));
    }

    @Test
    void namesEveryBadFieldWithoutEchoingItsValue() {
        IncidentReportRequest bad = new IncidentReportRequest(null, null, " ", null, "2026-13-01", "25:99",
                "AUH", List.of(new IncidentReportRequest.Location(null, "SOMEWHERE")),
                "DEADLY", null, null, null, null, "NURSE");
        List<String> fields = validator.validate(bad).stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("headline", "description", "eventDate", "eventTime", "incidentLocation",
                "involvedLocations[0].sorCode", "involvedLocations[0].role", "actualConsequence", "reporterType"), fields);
        assertTrue(validator.validate(bad).stream().noneMatch(e -> e.message().contains("DEADLY")));
    }

    @Test
    void rejectsAnEventDateInTheFuture() {
        IncidentReportRequest future = new IncidentReportRequest("dpsd", "R-2", "h", "d", "2026-11-24", null,
                "1309011000000", null, null, null, null, null, null, null);
        assertEquals(List.of(new Problem.FieldError("eventDate", "lies in the future")), validator.validate(future));
    }

    @Test
    void givesTheSameReportIdToTheSameSourceAndSourceId() {
        assertEquals(ReportMapper.reportId("dpsd", "R-1"), ReportMapper.reportId("dpsd", "R-1"));
        assertTrue(!ReportMapper.reportId("dpsd", "R-1").equals(ReportMapper.reportId("dpsd", "R-2")));
    }
}
