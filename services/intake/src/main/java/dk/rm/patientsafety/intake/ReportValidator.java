package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.ReporterType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A report is valid when its required fields are present and every value has the form the national case form allows. */
public final class ReportValidator {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Pattern SOR_CODE = Pattern.compile("\\d{6,18}");

    private final Clock clock;

    public ReportValidator(Clock clock) {
        this.clock = clock;
    }

    public List<Problem.FieldError> validate(IncidentReportRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        required(errors, "headline", request.headline());
        required(errors, "description", request.description());
        eventDate(errors, request.eventDate());
        eventTime(errors, request.eventTime());
        sorCode(errors, "incidentLocation", request.incidentLocation(), true);
        if (request.involvedLocations() != null) {
            for (int i = 0; i < request.involvedLocations().size(); i++) {
                IncidentReportRequest.Location location = request.involvedLocations().get(i);
                sorCode(errors, "involvedLocations[" + i + "].sorCode", location.sorCode(), true);
                oneOf(errors, "involvedLocations[" + i + "].role", location.role(), LocationRole.values());
            }
        }
        oneOf(errors, "actualConsequence", request.actualConsequence(), Consequence.values());
        oneOf(errors, "possibleConsequence", request.possibleConsequence(), Consequence.values());
        oneOf(errors, "reporterType", request.reporterType(), ReporterType.values());
        return errors;
    }

    private static void required(List<Problem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
        }
    }

    private void eventDate(List<Problem.FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError("eventDate", "is required (YYYY-MM-DD)"));
            return;
        }
        try {
            if (LocalDate.parse(value).isAfter(LocalDate.now(clock.withZone(DANISH_TIME)))) {
                errors.add(new Problem.FieldError("eventDate", "lies in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("eventDate", "is not a date of the form YYYY-MM-DD"));
        }
    }

    private static void eventTime(List<Problem.FieldError> errors, String value) {
        if (value == null) {
            return;
        }
        try {
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("eventTime", "is not a time of the form HH:MM"));
        }
    }

    private static void sorCode(List<Problem.FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required (an SOR code)"));
            }
        } else if (!SOR_CODE.matcher(value).matches()) {
            errors.add(new Problem.FieldError(field, "is not an SOR code (6 to 18 digits)"));
        }
    }

    private static void oneOf(List<Problem.FieldError> errors, String field, String value, Enum<?>[] allowed) {
        if (value != null && Arrays.stream(allowed).noneMatch(symbol -> symbol.name().equals(value))) {
            errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(allowed)));
        }
    }
}
