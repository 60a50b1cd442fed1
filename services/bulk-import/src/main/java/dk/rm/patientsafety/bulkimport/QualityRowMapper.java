package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.quality.Column;
import dk.rm.patientsafety.quality.QualityFormat;
import dk.rm.patientsafety.quality.RowReading;
import dk.rm.patientsafety.tabular.CsvRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of quality data, checked here as intake checks it, and sent as its cells: intake reads them again with the
 * same format, so the importer can never send a value intake would read differently.
 */
final class QualityRowMapper implements RowMapper {

    private final QualityFormat format;
    private final String source;

    QualityRowMapper(QualityFormat format, String source) {
        this.format = format;
        this.source = source;
    }

    @Override
    public List<String> columns() {
        return format.columnNames();
    }

    @Override
    public List<String> requiredColumns() {
        return format.requiredColumnNames();
    }

    @Override
    public FieldError duplicate() {
        return new FieldError("row", "repeats the series and period of an earlier row");
    }

    @Override
    public MappedRow map(CsvRow row) {
        if (!row.consistent()) {
            return MappedRow.rejected(row.number(), null, List.of(RowMapper.wrongColumnCount()));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (Column column : format.columns()) {
            String value = row.get(column.name());
            if (value != null) {
                cells.put(column.name(), value);
            } else if (column.name().equals("source") && !column.required()) {
                cells.put("source", source); // activity rows that name no system come from the importer's --source
            }
        }
        RowReading reading = format.read(cells::get, source);
        if (!reading.ok()) {
            return MappedRow.rejected(row.number(), null,
                    reading.errors().stream().map(e -> new FieldError(e.column(), e.message())).toList());
        }
        return MappedRow.mapped(row.number(), reading.record().key(), cells);
    }
}
