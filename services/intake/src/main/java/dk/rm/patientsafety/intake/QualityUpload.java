package dk.rm.patientsafety.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.quality.ColumnError;
import dk.rm.patientsafety.quality.QualityFormat;
import dk.rm.patientsafety.quality.RowReading;
import dk.rm.patientsafety.tabular.CsvException;
import dk.rm.patientsafety.tabular.CsvFile;
import dk.rm.patientsafety.tabular.CsvHeader;
import dk.rm.patientsafety.tabular.CsvRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The rows of one upload, read as their format reads them, whether they came as CSV (rows numbered as a spreadsheet
 * numbers them, the header being row 1) or as JSON objects (numbered from 0 in the array).
 */
final class QualityUpload {

    /** One row's reading, with where it stood in the upload. */
    record Item(int index, Long row, RowReading reading) {
    }

    private QualityUpload() {
    }

    /** A header that does not fit the format fails the whole file: none of its rows could be read right. */
    static List<Item> csv(QualityFormat format, String text, String source, UnaryOperator<String> cpr, int maxRows)
            throws CsvException {
        char delimiter = delimiter(text);
        List<Item> items = new ArrayList<>();
        try (CsvFile file = CsvFile.read("the file", text, delimiter, format.columnNames(), format.requiredColumnNames())) {
            for (CsvRow row = file.next(); row != null; row = file.next()) {
                if (items.size() == maxRows) {
                    throw tooManyRows(maxRows);
                }
                CsvRow current = row;
                RowReading reading = current.consistent() ? read(format, current::get, source, cpr)
                        : new RowReading(null, List.of(new ColumnError("row", CsvRow.WRONG_CELL_COUNT)));
                items.add(new Item(items.size(), current.number(), reading));
            }
        }
        return items;
    }

    static CsvException tooManyRows(int maxRows) {
        return new CsvException("More than " + maxRows + " rows in one upload; split the file or use the bulk importer");
    }

    static List<Item> json(QualityFormat format, List<JsonNode> objects, String source, UnaryOperator<String> cpr) {
        Map<String, String> known = new HashMap<>();
        format.columnNames().forEach(column -> known.put(CsvHeader.key(column), column));
        List<Item> items = new ArrayList<>();
        for (JsonNode object : objects) {
            List<ColumnError> shape = new ArrayList<>();
            Map<String, String> cells = new HashMap<>();
            if (!object.isObject()) {
                shape.add(new ColumnError("", "is not a JSON object"));
            } else {
                Set<String> unknown = new TreeSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String column = known.get(CsvHeader.key(field.getKey()));
                    JsonNode value = field.getValue();
                    if (column == null) {
                        unknown.add(field.getKey().length() <= 40 ? field.getKey() : field.getKey().substring(0, 40) + "…");
                    } else if (value.isValueNode() && !value.isNull()) {
                        String text = value.isBoolean() ? (value.booleanValue() ? "ja" : "nej") : value.asText().strip();
                        if (!text.isEmpty()) {
                            cells.put(column, text);
                        }
                    } else if (!value.isNull()) {
                        shape.add(new ColumnError(column, "is not a string, number or boolean"));
                    }
                }
                unknown.forEach(field -> shape.add(new ColumnError(field, "is not a field of " + format.path()
                        + " (known: " + String.join(", ", format.columnNames()) + ")")));
            }
            RowReading reading = shape.isEmpty() ? read(format, cells::get, source, cpr) : new RowReading(null, shape);
            items.add(new Item(items.size(), null, reading));
        }
        return items;
    }

    /**
     * Quality data name units and indicators, never patients: a cell that holds what looks like a CPR number is refused
     * rather than passed on in a pseudonymised form nobody asked for.
     */
    private static RowReading read(QualityFormat format, Function<String, String> cells, String source, UnaryOperator<String> cpr) {
        List<ColumnError> personal = new ArrayList<>();
        for (String column : format.columnNames()) {
            String value = cells.apply(column);
            if (value != null && !cpr.apply(value).equals(value)) {
                personal.add(new ColumnError(column, "holds what looks like a CPR number"));
            }
        }
        return personal.isEmpty() ? format.read(cells, source) : new RowReading(null, personal);
    }

    /** Danish spreadsheets write semicolons, most other tools commas: the header line says which. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
