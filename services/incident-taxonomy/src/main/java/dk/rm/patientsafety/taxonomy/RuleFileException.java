package dk.rm.patientsafety.taxonomy;

/** A rule file that cannot be used; the message names the file, the entry and what is wrong with it. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String message) {
        super(message);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
