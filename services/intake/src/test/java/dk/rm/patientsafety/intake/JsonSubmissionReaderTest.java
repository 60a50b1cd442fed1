package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonSubmissionReaderTest {

    private final JsonSubmissionReader reader = new JsonSubmissionReader();

    @Test
    void readsEveryDocumentedField() {
        JsonSubmissionReader.Read read = reader.read(Submissions.validJson("R-1"));
        assertEquals(List.of(), read.errors());
        assertEquals("R-1", read.submission().getSourceId());
        assertEquals("HANDED_OVER", read.submission().getInvolvedLocations().get(0).getRole());
        assertEquals("N05CF01", read.submission().getMedicines().get(0).getAtcCode());
        assertEquals("anne@rm.dk", read.submission().getReporter().getEmail());
    }

    @Test
    void namesWrongTypesWithoutQuotingTheValues() throws Exception {
        ObjectNode json = Submissions.validJson("R-1");
        json.put("headline", 42);
        json.put("involvedLocations", "1309011000000");
        json.set("medicines", Submissions.JSON.readTree("[\"heparin\"]"));
        json.put("reporter", true);
        JsonSubmissionReader.Read read = reader.read(json);
        assertNull(read.submission());
        assertEquals(List.of(
                new FieldError("headline", "must be a string, was number"),
                new FieldError("involvedLocations", "must be an array, was string"),
                new FieldError("medicines[0]", "must be an object, was string"),
                new FieldError("reporter", "must be an object, was boolean")), read.errors());
    }

    @Test
    void rejectsUnknownFieldsSoAMisspeltCprFieldCannotSlipThrough() {
        ObjectNode json = Submissions.validJson("R-1");
        json.put("patient_cpr", "0101901234");
        ((ObjectNode) json.get("involvedLocations").get(0)).put("sector", "x");
        assertEquals(List.of(new FieldError("patient_cpr", "is not a known field"),
                new FieldError("involvedLocations[0].sector", "is not a known field")), reader.read(json).errors());
    }

    @Test
    void aReportMustBeAnObject() throws Exception {
        assertEquals(List.of(new FieldError("", "a report must be a JSON object")), reader.read(Submissions.JSON.readTree("[1]")).errors());
    }

    @Test
    void aReportMaySayItIsHistoryWithTrueOrFalseOnly() {
        ObjectNode json = Submissions.validJson("R-1");
        assertNull(reader.read(json).submission().getHistorical(), "unsaid: the path decides");
        json.put("historical", true);
        assertEquals(Boolean.TRUE, reader.read(json).submission().getHistorical());
        json.put("historical", "ja");
        assertEquals(List.of(new FieldError("historical", "must be true or false, was string")), reader.read(json).errors());
    }
}
