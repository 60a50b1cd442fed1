package dk.rm.patientsafety.tabular;

import java.util.List;

/**
 * One data row of a CSV file. {@code number} is the row's number as a spreadsheet shows it: the header is row 1,
 * the first data row row 2 (a quoted multi-line cell does not start a new row).
 */
public record CsvRow(long number, List<String> cells, CsvHeader header) {

    /** What is wrong with a row that is not {@link #consistent()}. */
    public static final String WRONG_CELL_COUNT = "has a different number of cells than the header has columns";

    /** True when the row has as many cells as the header has columns. */
    public boolean consistent() {
        return cells.size() == header.size();
    }

    /**
     * The trimmed value of a column, with line breaks inside it normalised to {@code \n}; null when the column is
     * missing from the header, or the cell is blank.
     */
    public String get(String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).replace("\r\n", "\n").replace('\r', '\n').strip();
        return value.isEmpty() ? null : value;
    }

    /** The values are the file's content and may be personal data: keep them out of logs. */
    @Override
    public String toString() {
        return "CsvRow[" + number + ", " + cells.size() + " cells]";
    }
}
