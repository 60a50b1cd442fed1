package dk.rm.patientsafety.bulkimport;

import java.util.List;

/**
 * Intake refused or failed a whole request, or could not be reached. {@code status} is the HTTP status, 0 when no
 * response came. The message is built from intake's problem details, which never repeat submitted values.
 */
public final class IntakeException extends Exception {

    private final int status;
    private final List<FieldError> errors;

    IntakeException(int status, String message, List<FieldError> errors, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 413: more reports in one request than intake takes. */
    public boolean batchTooLarge() {
        return status == 413;
    }
}
