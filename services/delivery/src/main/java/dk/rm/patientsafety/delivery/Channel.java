package dk.rm.patientsafety.delivery;

/** How a delivery goes out. */
public enum Channel {
    /** A plain-text mail to an address. */
    EMAIL,
    /** A signed JSON POST to a configured subscriber, named by the delivery's target. */
    WEBHOOK
}
