package dk.rm.patientsafety.serde;

import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry REST API that producers, consumers and start-up provisioning need. */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is already registered under {@code subject}. */
    int lookUpId(String subject, Schema schema);

    /** Returns the schema with the given global id. */
    Schema schemaById(int id);

    /** Sets the compatibility level of one subject. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Whether {@code schema} may be registered as the next version of {@code subject}. */
    boolean isCompatibleWithLatest(String subject, Schema schema);
}
