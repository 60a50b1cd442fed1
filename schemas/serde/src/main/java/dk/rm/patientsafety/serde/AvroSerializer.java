package dk.rm.patientsafety.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes specific Avro records in the Confluent wire format. The schema id is looked up (not registered):
 * schemas are registered once, at start-up, under the chosen compatibility level, so a producer with an
 * incompatible schema fails fast instead of silently creating a new version.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final boolean isKey;
    private final boolean autoRegister;
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> idByTopic = new ConcurrentHashMap<>();

    public AvroSerializer(SchemaRegistryClient registry, Schema schema, boolean isKey, boolean autoRegister) {
        this.registry = registry;
        this.schema = schema;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(schema);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        int id = idByTopic.computeIfAbsent(topic, this::schemaIdFor);
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " for topic " + topic, e);
        }
        return ConfluentWireFormat.frame(id, body.toByteArray());
    }

    private int schemaIdFor(String topic) {
        String subject = SubjectNames.forTopic(topic, isKey);
        try {
            return autoRegister ? registry.register(subject, schema) : registry.lookUpId(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("No schema id for " + schema.getFullName() + " under subject " + subject, e);
        }
    }
}
