package dk.rm.patientsafety.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent-framed Avro into a specific record class, resolving the writer's schema (fetched by id)
 * against the reader's, so consumers keep reading while producers evolve their schema compatibly.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    /** The record class this deserializer reads. */
    public Class<T> type() {
        return type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int writerId = ConfluentWireFormat.readSchemaId(buffer);
        SpecificDatumReader<T> reader = readersByWriterId.computeIfAbsent(writerId, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " (writer schema " + writerId + ") from topic " + topic, e);
        }
        if (!atEnd(decoder)) {
            // A valid body followed by more bytes is not what any producer of ours writes: a truncated, concatenated or
            // tampered record must not pass as if it were whole.
            throw new TrailingBytesException("Trailing bytes after the Avro body of " + type.getSimpleName() + " (writer schema "
                    + writerId + ") on topic " + topic);
        }
        return value;
    }

    private static boolean atEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private SpecificDatumReader<T> readerFor(int writerId) {
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(writerId);
        } catch (SchemaRegistryException e) {
            throw new UnknownSchemaIdException(writerId, e);
        }
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForClass(type));
        // Avro >= 1.12.1 only instantiates classes from trusted packages; our own generated classes are trusted.
        reader.getTrustedPackages().add(type.getPackageName() + ".");
        return reader;
    }
}
