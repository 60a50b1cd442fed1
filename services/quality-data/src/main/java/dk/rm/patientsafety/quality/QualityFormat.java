package dk.rm.patientsafety.quality;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files quality data come in. Each row becomes one record, read the same way wherever it arrives (a CSV upload,
 * JSON, the bulk importer), so a file is judged the same on every path.
 */
public enum QualityFormat {
    INDICATOR_RESULTS("indicator-results", IndicatorResultRows.COLUMNS),
    PATHWAY_TIMES("pathway-times", PathwayTimeRows.COLUMNS),
    PATHWAY_CASES("pathway-cases", PathwayCaseRows.COLUMNS),
    PATIENT_EXPERIENCE("patient-experience", PatientExperienceRows.COLUMNS),
    ACTIVITY("activity", ActivityRows.COLUMNS);

    private final String path;
    private final List<Column> columns;

    QualityFormat(String path, List<Column> columns) {
        this.path = path;
        this.columns = columns;
    }

    /** Its name in URLs and on the bulk importer's command line. */
    public String path() {
        return path;
    }

    public static Optional<QualityFormat> ofPath(String path) {
        for (QualityFormat format : values()) {
            if (format.path.equals(path)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Whether a text may stand as a name or code (a source, an indicator): letters, digits and a little punctuation. */
    public static boolean isIdentifier(String text) {
        return Row.IDENTIFIER.matcher(text).matches();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public List<String> requiredColumnNames() {
        return columns.stream().filter(Column::required).map(Column::name).toList();
    }

    /**
     * Reads one row.
     *
     * @param cells a column's trimmed text, or null when the row leaves it blank
     * @param source the source of activity rows that name none
     */
    public RowReading read(Function<String, String> cells, String source) {
        Row row = new Row(cells);
        return switch (this) {
            case INDICATOR_RESULTS -> IndicatorResultRows.read(row);
            case PATHWAY_TIMES -> PathwayTimeRows.read(row);
            case PATHWAY_CASES -> PathwayCaseRows.read(row);
            case PATIENT_EXPERIENCE -> PatientExperienceRows.read(row);
            case ACTIVITY -> ActivityRows.read(row, source);
        };
    }
}
