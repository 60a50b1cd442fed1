package dk.rm.patientsafety.bulkimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A report as intake's JSON API takes it (one line of the NDJSON batch). Absent values are left out of the JSON.
 * It holds free text, a CPR number and the reporter's identity, so {@link #toString()} shows only the source id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "sourceId", "headline", "description", "eventDate", "eventTime", "incidentLocation",
        "involvedLocations", "actualConsequence", "possibleConsequence", "mainGroup", "medicines", "devices", "reporterType",
        "patientCpr", "reporter", "batch"})
public record IncidentReport(
        String source,
        String sourceId,
        String headline,
        String description,
        String eventDate,
        String eventTime,
        String incidentLocation,
        List<InvolvedLocation> involvedLocations,
        String actualConsequence,
        String possibleConsequence,
        String mainGroup,
        List<Medicine> medicines,
        List<Device> devices,
        String reporterType,
        String patientCpr,
        Reporter reporter,
        Batch batch) {

    /** A unit involved in the incident and its role (OCCURRED, DISCOVERED, …). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvolvedLocation(String sorCode, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Medicine(String tradeName, String substance, String route, String strength, String atcCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String type, String tradeName, String model) {
    }

    /** Who reported; intake keeps it in a restricted store. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reporter(String name, String email, String phone, String profession) {
        @Override
        public String toString() {
            return "Reporter[…]";
        }
    }

    /** The monthly count of a batch report (samlerapportering). */
    public record Batch(String area, int count, String periodStart, String periodEnd) {
    }

    @Override
    public String toString() {
        return "IncidentReport[source=" + source + ", sourceId=" + sourceId + "]";
    }
}
