package dk.rm.patientsafety.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes for specific Avro records in the Confluent wire format, with TopicNameStrategy subjects. */
public final class AvroSerde {

    private AvroSerde() {
    }

    /** A value serde that looks up schema ids (schemas are registered at start-up). */
    public static <T extends SpecificRecord> Serde<T> forValues(Class<T> type, SchemaRegistryClient registry) {
        return of(type, registry, false, false);
    }

    public static <T extends SpecificRecord> Serde<T> of(Class<T> type, SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
        return Serdes.serdeFrom(
                new AvroSerializer<>(registry, SpecificData.get().getSchema(type), isKey, autoRegister),
                new AvroDeserializer<>(registry, type));
    }
}
