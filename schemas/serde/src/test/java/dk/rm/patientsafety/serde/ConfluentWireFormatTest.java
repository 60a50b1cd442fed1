package dk.rm.patientsafety.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfluentWireFormatTest {

    @Test
    void framesWithMagicZeroAndABigEndianSchemaId() {
        byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[]{9, 8});
        assertArrayEquals(new byte[]{0, 1, 2, 3, 4, 9, 8}, framed);
        ByteBuffer buffer = ByteBuffer.wrap(framed);
        assertEquals(0x01020304, ConfluentWireFormat.readSchemaId(buffer));
        assertEquals(2, buffer.remaining());
    }

    @Test
    void refusesBytesWithAnotherMagicByte() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> ConfluentWireFormat.readSchemaId(ByteBuffer.wrap(new byte[]{1, 0, 0, 0, 1, 2})));
        assertEquals("Not in Confluent wire format: magic byte 1, expected 0", e.getMessage());
    }

    @Test
    void refusesBytesTooShortForTheHeader() {
        assertThrows(SerializationException.class, () -> ConfluentWireFormat.readSchemaId(ByteBuffer.wrap(new byte[]{0, 0, 1})));
    }
}
