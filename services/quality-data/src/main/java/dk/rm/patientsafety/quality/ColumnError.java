package dk.rm.patientsafety.quality;

/** What is wrong with one column of one row. The message never repeats the value, so it can be printed and grouped. */
public record ColumnError(String column, String message) {
}
