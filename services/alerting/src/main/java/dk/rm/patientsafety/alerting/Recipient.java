package dk.rm.patientsafety.alerting;

/** A functional mailbox of a unit that alerts go to; never a person's private address. */
public record Recipient(String sorCode, Role role, String name, String email) {

    /** What the mailbox is for. */
    public enum Role {
        /** The unit's patient-safety officers (risikomanagere): they receive the unit's alerts when raised. */
        RISK_MANAGER,
        /** The unit's management: receives an alert its risk managers did not acknowledge in time. */
        MANAGEMENT
    }
}
