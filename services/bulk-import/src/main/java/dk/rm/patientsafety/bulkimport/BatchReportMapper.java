package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.Cells;
import dk.rm.patientsafety.tabular.CsvRow;
import dk.rm.patientsafety.bulkimport.Vocabulary.BatchArea;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Monthly batch reports (samlerapportering): one row per month, unit and area with the number of events counted.
 * Each row becomes one report whose source id {@code SR:<sor>:<month>:<area>} is derived from the row, so importing
 * a month again gives the same ids and intake keeps one report per month, unit and area.
 */
final class BatchReportMapper implements RowMapper {

    private static final List<String> COLUMNS = List.of("month", "sor_code", "area", "count");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private final String source;

    BatchReportMapper(String source) {
        this.source = source;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public FieldError duplicate() {
        return new FieldError("row", "repeats the month, sor_code and area of an earlier row");
    }

    /** The deterministic source id of a batch report. */
    static String sourceId(String sorCode, YearMonth month, BatchArea area) {
        return "SR:" + sorCode + ":" + month + ":" + area.name();
    }

    @Override
    public MappedRow map(CsvRow row) {
        if (!row.consistent()) {
            return MappedRow.rejected(row.number(), null, List.of(RowMapper.wrongColumnCount()));
        }
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = month(row.get("month"), errors);
        String sorCode = row.get("sor_code");
        if (sorCode == null) {
            errors.add(new FieldError("sor_code", "is required"));
        } else if (!DIGITS.matcher(sorCode).matches()) {
            errors.add(new FieldError("sor_code", "is not an SOR code (digits only)"));
        }
        BatchArea area = area(row.get("area"), errors);
        Integer count = count(row.get("count"), errors);
        if (!errors.isEmpty()) {
            return MappedRow.rejected(row.number(), null, errors);
        }
        String periodStart = month.atDay(1).toString();
        String periodEnd = month.atEndOfMonth().toString();
        return MappedRow.mapped(row.number(), new IncidentReport(
                source,
                sourceId(sorCode, month, area),
                "SR – " + area.danishName + " (" + count + ")",
                "Samlerapportering: " + count + " " + area.danishCounted + " i " + month + " på " + sorCode,
                periodEnd,
                null,
                sorCode,
                null,
                Vocabulary.Consequence.NONE.name(),
                Vocabulary.Consequence.MINOR.name(),
                null,
                null,
                null,
                Vocabulary.ReporterType.HEALTH_PROFESSIONAL.name(),
                null,
                null,
                new IncidentReport.Batch(area.name(), count, periodStart, periodEnd)));
    }

    private static YearMonth month(String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError("month", "is required (YYYY-MM)"));
            return null;
        }
        try {
            if (MONTH.matcher(text).matches()) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // 2025-13
        }
        errors.add(new FieldError("month", "is not a month of the form YYYY-MM"));
        return null;
    }

    private static BatchArea area(String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError("area", "is required"));
            return null;
        }
        Optional<BatchArea> area = Cells.symbol(text, BatchArea.class, Vocabulary.AREA_LABELS);
        if (area.isEmpty()) {
            errors.add(new FieldError("area", Vocabulary.oneOf(BatchArea.class, Vocabulary.AREA_LABELS)));
        }
        return area.orElse(null);
    }

    private static Integer count(String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError("count", "is required"));
            return null;
        }
        if (!COUNT.matcher(text).matches()) {
            errors.add(new FieldError("count", "is not a whole number of at least 0"));
            return null;
        }
        return Integer.parseInt(text);
    }
}
