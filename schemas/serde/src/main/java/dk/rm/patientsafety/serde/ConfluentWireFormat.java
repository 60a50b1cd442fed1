package dk.rm.patientsafety.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/** Confluent's framing of a serialized value: magic byte 0, a 4-byte big-endian schema id, then the Avro binary body. */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(HEADER_LENGTH + body.length).put(MAGIC_BYTE).putInt(schemaId).put(body).array();
    }

    /** Reads the header and returns the schema id; the buffer is left at the start of the body. */
    public static int readSchemaId(ByteBuffer framed) {
        if (framed.remaining() < HEADER_LENGTH) {
            throw new SerializationException("Not in Confluent wire format: " + framed.remaining() + " bytes, need at least " + HEADER_LENGTH);
        }
        byte magic = framed.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Not in Confluent wire format: magic byte " + magic + ", expected " + MAGIC_BYTE);
        }
        return framed.getInt();
    }
}
