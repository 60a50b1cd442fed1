package dk.rm.patientsafety.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record names a writer schema id the registry does not know, so it cannot be read by anyone. */
public final class UnknownSchemaIdException extends SerializationException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, Throwable cause) {
        super("Unknown writer schema id " + schemaId + ": the schema registry has no schema with this id", cause);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
