package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.BatchArea;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterIdentity;
import dk.rm.patientsafety.events.ReporterType;
import dk.rm.patientsafety.events.SubmittedBatch;
import dk.rm.patientsafety.events.SubmittedLocation;
import dk.rm.patientsafety.privacy.CprNumbers;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A submission is valid when its required fields are there, every value has the form the national case form
 * allows, its units exist in the organisation register, and its texts fit the configured limits. Errors
 * name the field and never repeat its value.
 */
public final class SubmissionValidator {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Pattern SOR_CODE = Pattern.compile("\\d{6,18}");
    /** An ATC code at any of its levels: A, A10, A10B, A10BA, A10BA02. */
    private static final Pattern ATC_CODE = Pattern.compile("[A-Z](\\d{2}([A-Z]([A-Z](\\d{2})?)?)?)?");

    private final OrganisationRegister register;
    private final IntakeLimits limits;
    private final Clock clock;

    public SubmissionValidator(OrganisationRegister register, IntakeLimits limits, Clock clock) {
        this.register = register;
        this.limits = limits;
        this.clock = clock;
    }

    public List<FieldError> validate(IncidentSubmission submission) {
        Errors errors = new Errors();
        errors.requiredText("source", submission.getSource(), limits.getMaxShortTextLength());
        errors.requiredText("sourceId", submission.getSourceId(), limits.getMaxShortTextLength());
        errors.requiredText("headline", submission.getHeadline(), limits.getMaxHeadlineLength());
        errors.requiredText("description", submission.getDescription(), limits.getMaxTextLength());
        errors.eventDate("eventDate", submission.getEventDate());
        errors.time("eventTime", submission.getEventTime());
        errors.knownUnit("incidentLocation", submission.getIncidentLocation());
        List<SubmittedLocation> locations = submission.getInvolvedLocations();
        for (int i = 0; i < locations.size(); i++) {
            errors.knownUnit("involvedLocations[" + i + "].sorCode", locations.get(i).getSorCode());
            errors.oneOf("involvedLocations[" + i + "].role", locations.get(i).getRole(), LocationRole.values());
        }
        errors.oneOf("actualConsequence", submission.getActualConsequence(), Consequence.values());
        errors.oneOf("possibleConsequence", submission.getPossibleConsequence(), Consequence.values());
        errors.oneOf("reporterType", submission.getReporterType(), ReporterType.values());
        errors.optionalText("mainGroup", submission.getMainGroup(), limits.getMaxShortTextLength());
        medicines(errors, submission.getMedicines());
        devices(errors, submission.getDevices());
        if (submission.getPatientCpr() != null && CprNumbers.normalise(submission.getPatientCpr()).isEmpty()) {
            errors.add("patientCpr", "is not a CPR number (DDMMYY-SSSS)");
        }
        reporter(errors, submission.getReporter());
        batch(errors, submission.getBatch());
        return errors.list;
    }

    private void medicines(Errors errors, List<Medicine> medicines) {
        for (int i = 0; i < medicines.size(); i++) {
            Medicine medicine = medicines.get(i);
            String path = "medicines[" + i + "].";
            errors.optionalText(path + "tradeName", medicine.getTradeName(), limits.getMaxShortTextLength());
            errors.optionalText(path + "substance", medicine.getSubstance(), limits.getMaxShortTextLength());
            errors.optionalText(path + "route", medicine.getRoute(), limits.getMaxShortTextLength());
            errors.optionalText(path + "strength", medicine.getStrength(), limits.getMaxShortTextLength());
            if (medicine.getAtcCode() != null && !ATC_CODE.matcher(medicine.getAtcCode()).matches()) {
                errors.add(path + "atcCode", "is not an ATC code (e.g. B01AB01)");
            }
        }
    }

    private void devices(Errors errors, List<MedicalDevice> devices) {
        for (int i = 0; i < devices.size(); i++) {
            MedicalDevice device = devices.get(i);
            String path = "devices[" + i + "].";
            errors.optionalText(path + "type", device.getType(), limits.getMaxShortTextLength());
            errors.optionalText(path + "tradeName", device.getTradeName(), limits.getMaxShortTextLength());
            errors.optionalText(path + "model", device.getModel(), limits.getMaxShortTextLength());
        }
    }

    private void reporter(Errors errors, ReporterIdentity reporter) {
        if (reporter != null) {
            errors.optionalText("reporter.name", reporter.getName(), limits.getMaxShortTextLength());
            errors.optionalText("reporter.email", reporter.getEmail(), limits.getMaxShortTextLength());
            errors.optionalText("reporter.phone", reporter.getPhone(), limits.getMaxShortTextLength());
            errors.optionalText("reporter.profession", reporter.getProfession(), limits.getMaxShortTextLength());
        }
    }

    private void batch(Errors errors, SubmittedBatch batch) {
        if (batch == null) {
            return;
        }
        if (batch.getArea() == null) {
            errors.add("batch.area", "is required");
        }
        errors.oneOf("batch.area", batch.getArea(), BatchArea.values());
        if (batch.getCount() == null || batch.getCount() < 0) {
            errors.add("batch.count", "is required and must not be negative");
        }
        LocalDate start = errors.eventDate("batch.periodStart", batch.getPeriodStart());
        LocalDate end = errors.eventDate("batch.periodEnd", batch.getPeriodEnd());
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("batch.periodEnd", "lies before batch.periodStart");
        }
    }

    /** The errors found so far, with the checks that add to them. */
    private final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void requiredText(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                add(field, "is required");
            } else {
                optionalText(field, value, maxLength);
            }
        }

        void optionalText(String field, String value, int maxLength) {
            if (value == null) {
                return;
            }
            if (value.length() > maxLength) {
                add(field, "is longer than " + maxLength + " characters");
            }
            TextCharacters.problem(value).ifPresent(problem -> add(field, problem));
        }

        /** Returns the date when it is valid, so callers can compare it. */
        LocalDate eventDate(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "is required (YYYY-MM-DD)");
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.isAfter(LocalDate.now(clock.withZone(DANISH_TIME)))) {
                    add(field, "lies in the future");
                } else if (date.isBefore(limits.getEarliestEventDate())) {
                    add(field, "lies before " + limits.getEarliestEventDate());
                } else {
                    return date;
                }
            } catch (DateTimeParseException e) {
                add(field, "is not a date of the form YYYY-MM-DD");
            }
            return null;
        }

        void time(String field, String value) {
            if (value == null) {
                return;
            }
            try {
                LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                add(field, "is not a time of the form HH:MM");
            }
        }

        void knownUnit(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "is required (an SOR code)");
            } else if (!SOR_CODE.matcher(value).matches()) {
                add(field, "is not an SOR code (6 to 18 digits)");
            } else if (!register.contains(value)) {
                add(field, "is not a unit in the organisation register");
            }
        }

        void oneOf(String field, String value, Enum<?>[] allowed) {
            if (value != null && Arrays.stream(allowed).noneMatch(symbol -> symbol.name().equals(value))) {
                add(field, "must be one of " + Arrays.toString(allowed));
            }
        }
    }
}
