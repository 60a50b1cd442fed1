package dk.rm.patientsafety.delivery;

/**
 * A try that did not deliver. {@code permanent}: trying again cannot help (the receiver refused the request itself), so
 * the delivery is dead-lettered at once. The reason names the failure (a status, an exception's kind), never the content.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
