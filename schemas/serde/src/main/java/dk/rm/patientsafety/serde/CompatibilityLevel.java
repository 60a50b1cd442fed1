package dk.rm.patientsafety.serde;

/** The schema compatibility levels of the Confluent Schema Registry. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
}
