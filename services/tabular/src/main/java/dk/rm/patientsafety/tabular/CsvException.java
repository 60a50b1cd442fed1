package dk.rm.patientsafety.tabular;

/**
 * The file as a whole cannot be read: unreadable, not in the expected character set, malformed quoting, or a header
 * that lacks required columns. The message never quotes the file's content, so it can be printed as it is.
 */
public final class CsvException extends Exception {

    public CsvException(String message) {
        super(message);
    }

    public CsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
