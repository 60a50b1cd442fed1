package dk.rm.patientsafety.bulkimport;

/**
 * What is wrong with one field of one report: a CSV column when the importer found it, a JSON field when intake
 * did. The message never repeats the value, so it can be printed and grouped.
 */
public record FieldError(String field, String message) {
}
