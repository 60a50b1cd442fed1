package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionValidatorTest {

    private final IntakeLimits limits = new IntakeLimits();
    private final SubmissionValidator validator = new SubmissionValidator(Submissions.register(), limits, Submissions.CLOCK);

    @Test
    void acceptsACompleteReport() {
        assertEquals(List.of(), validator.validate(Submissions.valid("R-1")));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "source            |                  | is required",
            "sourceId          |                  | is required",
            "headline          | '  '             | is required",
            "description       |                  | is required",
            "eventDate         |                  | is required (YYYY-MM-DD)",
            "eventDate         | 2026-11-24       | lies in the future",
            "eventDate         | 2026-02-30       | is not a date of the form YYYY-MM-DD",
            "eventDate         | 20-11-2026       | is not a date of the form YYYY-MM-DD",
            "eventDate         | 1999-12-31       | lies before 2004-01-01",
            "eventTime         | 25:00            | is not a time of the form HH:MM",
            "incidentLocation  |                  | is required (an SOR code)",
            "incidentLocation  | AUH              | is not an SOR code (6 to 18 digits)",
            "incidentLocation  | 1309999000000    | is not a unit in the organisation register",
            "actualConsequence | DEADLY           | must be one of [UNKNOWN, NONE, MINOR, SERIOUS, FATAL]",
            "reporterType      | NURSE            | must be one of [UNKNOWN, HEALTH_PROFESSIONAL, PATIENT, RELATIVE, OTHER]",
            "patientCpr        | 321390-1234      | is not a CPR number (DDMMYY-SSSS)",
            "patientCpr        | 0101901234567    | is not a CPR number (DDMMYY-SSSS)",
    })
    void namesTheBadField(String field, String value, String message) {
        ObjectNode json = Submissions.validJson("R-1");
        if (value == null) {
            json.remove(field);
        } else {
            json.put(field, value);
        }
        assertEquals(List.of(new FieldError(field, message)), validator.validate(new JsonSubmissionReader().read(json).submission()));
    }

    @ParameterizedTest(name = "{0} with U+{1}")
    @CsvSource({"headline, 0000", "description, 0007", "source, 001B", "sourceId, 007F", "headline, 0085", "description, D800",
            "headline, DFFF"})
    void refusesControlCharactersAndUnpairedSurrogatesNamingTheField(String field, String hex) {
        ObjectNode json = Submissions.validJson("R-1");
        json.put(field, "Forkert dosis" + (char) Integer.parseInt(hex, 16) + " heparin");
        List<FieldError> errors = validator.validate(new JsonSubmissionReader().read(json).submission());
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains("U+" + hex), errors.get(0).message());
        assertFalse(errors.get(0).message().contains("heparin"), "the message never quotes the text");
    }

    @Test
    void keepsTabsLineBreaksAndPairedSurrogates() {
        ObjectNode json = Submissions.validJson("R-1");
        json.put("description", "Linje 1\r\nLinje 2\tmed tabulator, emoji \uD83D\uDE00 og \u00E6\u00F8\u00E5");
        assertEquals(List.of(), validator.validate(new JsonSubmissionReader().read(json).submission()));
    }

    @Test
    void checksNestedValuesAndTheirPaths() throws Exception {
        ObjectNode json = Submissions.validJson("R-1");
        json.set("involvedLocations", Submissions.JSON.readTree("[{\"sorCode\": \"4310000000000\", \"role\": \"CAUSED\"}, {\"role\": \"OCCURRED\"}]"));
        json.set("medicines", Submissions.JSON.readTree("[{\"atcCode\": \"heparin\"}]"));
        json.set("batch", Submissions.JSON.readTree("{\"area\": \"FALL\", \"count\": -1, \"periodStart\": \"2026-10-31\", \"periodEnd\": \"2026-10-01\"}"));
        assertEquals(List.of(
                new FieldError("involvedLocations[0].role", "must be one of [UNKNOWN, OCCURRED, DISCOVERED, ORIGINATED, HANDED_OVER, RECEIVED, REPORTED, OTHER]"),
                new FieldError("involvedLocations[1].sorCode", "is required (an SOR code)"),
                new FieldError("medicines[0].atcCode", "is not an ATC code (e.g. B01AB01)"),
                new FieldError("batch.area", "must be one of [OTHER, FALLS, INFECTIONS, MEDICATION_ADMINISTRATION, MEDICATION_DISPENSING]"),
                new FieldError("batch.count", "is required and must not be negative"),
                new FieldError("batch.periodEnd", "lies before batch.periodStart")),
                validator.validate(new JsonSubmissionReader().read(json).submission()));
    }

    @Test
    void enforcesTheConfiguredTextLimits() {
        limits.setMaxTextLength(10);
        limits.setMaxHeadlineLength(5);
        assertEquals(List.of(new FieldError("headline", "is longer than 5 characters"),
                new FieldError("description", "is longer than 10 characters")), validator.validate(Submissions.valid("R-1")));
    }
}
