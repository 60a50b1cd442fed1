package dk.rm.patientsafety.privacy;

/** A redaction rule file that cannot be used; the message names the file, the rule and what is wrong. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String message) {
        super(message);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
