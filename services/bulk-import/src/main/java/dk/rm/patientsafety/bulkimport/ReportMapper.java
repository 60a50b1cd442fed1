package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.Cells;
import dk.rm.patientsafety.tabular.CsvRow;
import dk.rm.patientsafety.bulkimport.IncidentReport.Device;
import dk.rm.patientsafety.bulkimport.IncidentReport.InvolvedLocation;
import dk.rm.patientsafety.bulkimport.IncidentReport.Medicine;
import dk.rm.patientsafety.bulkimport.IncidentReport.Reporter;
import dk.rm.patientsafety.bulkimport.Vocabulary.Consequence;
import dk.rm.patientsafety.bulkimport.Vocabulary.LocationRole;
import dk.rm.patientsafety.bulkimport.Vocabulary.ReporterType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Historical incident reports: one CSV row per report, columns named like the JSON fields in snake case. The
 * importer converts what it must (dates, times, coded values, lists) and leaves every other check to intake, so
 * the rules live in one place. A value it cannot convert rejects the row locally; the row is not sent.
 */
final class ReportMapper implements RowMapper {

    static final List<String> MEDICINE_COLUMNS = List.of("trade_name", "substance", "route", "strength", "atc_code");
    static final List<String> DEVICE_COLUMNS = List.of("device_type", "device_trade_name", "device_model");
    static final List<String> REPORTER_COLUMNS = List.of("reporter_name", "reporter_email", "reporter_phone", "reporter_profession");

    private static final List<String> COLUMNS = concat(List.of(
                    "source_id", "headline", "description", "event_date", "event_time", "incident_location", "involved_locations",
                    "actual_consequence", "possible_consequence", "main_group", "reporter_type", "patient_cpr"),
            MEDICINE_COLUMNS, DEVICE_COLUMNS, REPORTER_COLUMNS);
    private static final List<String> REQUIRED = List.of("source_id", "headline", "description", "event_date", "incident_location");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("|", Pattern.LITERAL);

    private final String source;

    ReportMapper(String source) {
        this.source = source;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public FieldError duplicate() {
        return new FieldError("source_id", "repeats the source id of an earlier row");
    }

    @Override
    public MappedRow map(CsvRow row) {
        String sourceId = row.get("source_id");
        if (!row.consistent()) {
            return MappedRow.rejected(row.number(), sourceId, List.of(RowMapper.wrongColumnCount()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (sourceId == null) {
            errors.add(new FieldError("source_id", "is required (the report's id in the source system)"));
        }
        String eventDate = convert(row, "event_date", Cells::date, "is not a date (" + Cells.DATE_FORMS + ")", errors);
        String eventTime = convert(row, "event_time", Cells::time, "is not a time of day (HH:MM)", errors);
        String actual = symbol(row, "actual_consequence", Consequence.class, Vocabulary.CONSEQUENCE_LABELS, errors);
        String possible = symbol(row, "possible_consequence", Consequence.class, Vocabulary.CONSEQUENCE_LABELS, errors);
        String reporterType = symbol(row, "reporter_type", ReporterType.class, Vocabulary.REPORTER_TYPE_LABELS, errors);
        List<InvolvedLocation> locations = involvedLocations(row.get("involved_locations"), errors);
        List<String[]> medicines = parallelLists(row, MEDICINE_COLUMNS, "medicine", errors);
        List<String[]> devices = parallelLists(row, DEVICE_COLUMNS, "device", errors);
        if (!errors.isEmpty()) {
            return MappedRow.rejected(row.number(), sourceId, errors);
        }
        return MappedRow.mapped(row.number(), new IncidentReport(
                source,
                sourceId,
                row.get("headline"),
                row.get("description"),
                eventDate,
                eventTime,
                row.get("incident_location"),
                locations,
                actual,
                possible,
                row.get("main_group"),
                nullIfEmpty(medicines.stream()
                        .map(m -> new Medicine(m[0], m[1], m[2], m[3], m[4] == null ? null : m[4].toUpperCase(Locale.ROOT)))
                        .toList()),
                nullIfEmpty(devices.stream().map(d -> new Device(d[0], d[1], d[2])).toList()),
                reporterType,
                row.get("patient_cpr"),
                reporter(row),
                null));
    }

    private static String convert(CsvRow row, String column, Function<String, Optional<String>> converter, String message,
                                  List<FieldError> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        Optional<String> value = converter.apply(text);
        if (value.isEmpty()) {
            errors.add(new FieldError(column, message));
        }
        return value.orElse(null);
    }

    private static <E extends Enum<E>> String symbol(CsvRow row, String column, Class<E> type, Map<String, E> labels,
                                                     List<FieldError> errors) {
        return convert(row, column, text -> Cells.symbol(text, type, labels).map(Enum::name), Vocabulary.oneOf(type, labels), errors);
    }

    /** {@code sor:role|sor:role}; a unit without a role gets UNKNOWN. */
    private static List<InvolvedLocation> involvedLocations(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        List<InvolvedLocation> locations = new ArrayList<>();
        for (String entry : LIST_SEPARATOR.split(text)) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            String sorCode = parts[0].strip();
            if (parts.length > 2 || sorCode.isEmpty()) {
                errors.add(new FieldError("involved_locations", "is not a list of sor:role separated by |"));
                return null;
            }
            Optional<LocationRole> role = parts.length == 1 || parts[1].isBlank()
                    ? Optional.of(LocationRole.UNKNOWN)
                    : Cells.symbol(parts[1], LocationRole.class, Vocabulary.ROLE_LABELS);
            if (role.isEmpty()) {
                errors.add(new FieldError("involved_locations", "has a role that " + Vocabulary.oneOf(LocationRole.class, Vocabulary.ROLE_LABELS)));
                return null;
            }
            locations.add(new InvolvedLocation(sorCode, role.get().name()));
        }
        return nullIfEmpty(locations);
    }

    /**
     * Several medicines (or devices) in one row: each column holds its values separated by {@code |}, the n-th value
     * of every column describing the n-th item. A blank column has no value for any item. Returns one array per
     * item, in the order of {@code columns}, with blank values as null; items whose values are all blank are dropped.
     */
    private static List<String[]> parallelLists(CsvRow row, List<String> columns, String item, List<FieldError> errors) {
        List<String[]> values = new ArrayList<>();
        int items = 0;
        for (String column : columns) {
            String text = row.get(column);
            String[] parts = text == null ? new String[0] : LIST_SEPARATOR.split(text, -1);
            if (parts.length > 0 && items > 0 && parts.length != items) {
                errors.add(new FieldError(item + " columns", "have different numbers of |-separated values " + columns));
                return List.of();
            }
            items = Math.max(items, parts.length);
            values.add(parts);
        }
        List<String[]> result = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String[] fields = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                String[] parts = values.get(c);
                fields[c] = parts.length == 0 || parts[i].isBlank() ? null : parts[i].strip();
            }
            if (Arrays.stream(fields).anyMatch(f -> f != null)) {
                result.add(fields);
            }
        }
        return result;
    }

    private static Reporter reporter(CsvRow row) {
        Reporter reporter = new Reporter(row.get("reporter_name"), row.get("reporter_email"), row.get("reporter_phone"),
                row.get("reporter_profession"));
        return reporter.name() == null && reporter.email() == null && reporter.phone() == null && reporter.profession() == null
                ? null : reporter;
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
