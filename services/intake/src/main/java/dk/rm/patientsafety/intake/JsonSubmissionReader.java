package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterIdentity;
import dk.rm.patientsafety.events.SubmittedBatch;
import dk.rm.patientsafety.events.SubmittedLocation;
import dk.rm.patientsafety.privacy.CprRedactor;
import dk.rm.patientsafety.service.http.Problem.FieldError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON report becomes a submission when every field has the JSON type the API documents; unknown fields
 * are errors too, because a misspelt field (say {@code patient_cpr}) would otherwise vanish unnoticed.
 */
public final class JsonSubmissionReader {

    /** The submission, or what stopped it being read. */
    public record Read(IncidentSubmission submission, List<FieldError> errors) {
    }

    private static final CprRedactor NAMES = new CprRedactor();
    private static final Set<String> TEXT_FIELDS = Set.of("source", "sourceId", "headline", "description", "eventDate", "eventTime",
            "incidentLocation", "actualConsequence", "possibleConsequence", "mainGroup", "reporterType", "patientCpr");
    private static final Set<String> LIST_FIELDS = Set.of("involvedLocations", "medicines", "devices");
    private static final Set<String> OBJECT_FIELDS = Set.of("reporter", "batch");
    private static final Set<String> FLAG_FIELDS = Set.of("historical");

    public Read read(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) {
            return new Read(null, List.of(new FieldError("", "a report must be a JSON object")));
        }
        Fields fields = new Fields(json, "", errors);
        fields.rejectUnknown(union(TEXT_FIELDS, LIST_FIELDS, OBJECT_FIELDS, FLAG_FIELDS));
        IncidentSubmission submission = IncidentSubmission.newBuilder()
                .setSource(fields.text("source"))
                .setSourceId(fields.text("sourceId"))
                .setHeadline(fields.text("headline"))
                .setDescription(fields.text("description"))
                .setEventDate(fields.text("eventDate"))
                .setEventTime(fields.text("eventTime"))
                .setIncidentLocation(fields.text("incidentLocation"))
                .setInvolvedLocations(fields.list("involvedLocations", f -> {
                    f.rejectUnknown(Set.of("sorCode", "role"));
                    return new SubmittedLocation(f.text("sorCode"), f.text("role"));
                }))
                .setActualConsequence(fields.text("actualConsequence"))
                .setPossibleConsequence(fields.text("possibleConsequence"))
                .setMainGroup(fields.text("mainGroup"))
                .setMedicines(fields.list("medicines", f -> {
                    f.rejectUnknown(Set.of("tradeName", "substance", "route", "strength", "atcCode"));
                    return new Medicine(f.text("tradeName"), f.text("substance"), f.text("route"), f.text("strength"), f.text("atcCode"));
                }))
                .setDevices(fields.list("devices", f -> {
                    f.rejectUnknown(Set.of("type", "tradeName", "model"));
                    return new MedicalDevice(f.text("type"), f.text("tradeName"), f.text("model"));
                }))
                .setReporterType(fields.text("reporterType"))
                .setPatientCpr(fields.text("patientCpr"))
                .setReporter(fields.object("reporter", f -> {
                    f.rejectUnknown(Set.of("name", "email", "phone", "profession"));
                    return new ReporterIdentity(f.text("name"), f.text("email"), f.text("phone"), f.text("profession"));
                }))
                .setBatch(fields.object("batch", f -> {
                    f.rejectUnknown(Set.of("area", "count", "periodStart", "periodEnd"));
                    return new SubmittedBatch(f.text("area"), f.integer("count"), f.text("periodStart"), f.text("periodEnd"));
                }))
                .setHistorical(fields.flag("historical"))
                .build();
        return new Read(errors.isEmpty() ? submission : null, List.copyOf(errors));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** Typed access to one JSON object's fields, collecting an error per badly typed field. */
    private record Fields(JsonNode json, String path, List<FieldError> errors) {

        void rejectUnknown(Set<String> known) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (!known.contains(name)) {
                    // The name is echoed so the sender can fix it; a CPR number used as a name is not.
                    errors.add(new FieldError(path + NAMES.redact(name).text(), "is not a known field"));
                }
            }
        }

        String text(String name) {
            JsonNode value = json.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                errors.add(new FieldError(path + name, "must be a string, was " + describe(value)));
                return null;
            }
            return value.textValue();
        }

        Boolean flag(String name) {
            JsonNode value = json.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                errors.add(new FieldError(path + name, "must be true or false, was " + describe(value)));
                return null;
            }
            return value.booleanValue();
        }

        Integer integer(String name) {
            JsonNode value = json.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isInt()) {
                errors.add(new FieldError(path + name, "must be a whole number, was " + describe(value)));
                return null;
            }
            return value.intValue();
        }

        <T> List<T> list(String name, Function<Fields, T> item) {
            JsonNode value = json.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                errors.add(new FieldError(path + name, "must be an array, was " + describe(value)));
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                String itemPath = path + name + "[" + i + "]";
                if (!value.get(i).isObject()) {
                    errors.add(new FieldError(itemPath, "must be an object, was " + describe(value.get(i))));
                } else {
                    items.add(item.apply(new Fields(value.get(i), itemPath + ".", errors)));
                }
            }
            return items;
        }

        <T> T object(String name, Function<Fields, T> reader) {
            JsonNode value = json.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                errors.add(new FieldError(path + name, "must be an object, was " + describe(value)));
                return null;
            }
            return reader.apply(new Fields(value, path + name + ".", errors));
        }

        /** Names the JSON type only: the value itself may be personal data. */
        private static String describe(JsonNode value) {
            return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
