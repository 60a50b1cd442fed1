package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.tabular.CsvRow;
import java.util.List;

/** Turns the rows of one CSV format into reports. */
interface RowMapper {

    /** Every column the format knows, in the order the documentation lists them. */
    List<String> columns();

    /** The columns the header must have. */
    List<String> requiredColumns();

    MappedRow map(CsvRow row);

    /** The error for a row whose source id an earlier row of the file already had. */
    FieldError duplicate();

    /** The error for a row with more or fewer cells than the header has columns. */
    static FieldError wrongColumnCount() {
        return new FieldError("row", CsvRow.WRONG_CELL_COUNT);
    }
}
