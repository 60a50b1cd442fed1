package dk.rm.patientsafety.service.consumer;

/**
 * A record that can never be handled, however often it is tried (its data breaks a constraint, say); it goes to the
 * dead letters. The message names the failure only, never the record's content.
 */
public class PoisonRecordException extends RuntimeException {

    private final String reasonCode;

    public PoisonRecordException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
