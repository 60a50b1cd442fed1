package dk.rm.patientsafety.quality;

import java.util.List;

/** A row read: its record, or every reason it has none. */
public record RowReading(QualityRecord record, List<ColumnError> errors) {

    public RowReading {
        errors = List.copyOf(errors);
        if ((record == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a row reading has either a record or errors");
        }
    }

    public boolean ok() {
        return record != null;
    }
}
