package dk.rm.patientsafety.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record whose Avro body is followed by more bytes: truncated, concatenated or tampered, so not taken as whole. */
public final class TrailingBytesException extends SerializationException {

    public TrailingBytesException(String message) {
        super(message);
    }
}
