package dk.rm.patientsafety.service;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.serde.TrailingBytesException;
import dk.rm.patientsafety.serde.UnknownSchemaIdException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A dead letter keeps the rejected record's bytes and position, so it can be inspected and replayed. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The reason must name the failure only: never the record's content, which may hold personal data. */
    public static DeadLetter of(String service, RecordMetadata source, FixedKeyRecord<String, byte[]> record,
                                String reasonCode, String reason, Instant failedAt) {
        return of(service, source.topic(), source.partition(), source.offset(), record.key(), record.value(), reasonCode, reason, failedAt);
    }

    /** A dead letter for a record a plain consumer (not a stream) could not handle. */
    public static DeadLetter of(String service, ConsumerRecord<String, byte[]> record, String reasonCode, String reason, Instant failedAt) {
        return of(service, record.topic(), record.partition(), record.offset(), record.key(), record.value(), reasonCode, reason, failedAt);
    }

    /** A dead letter for a record a stream's processor failed on, from what the error handler knows of it. */
    public static DeadLetter of(String service, String topic, int partition, long offset, byte[] key, byte[] value,
                                String reasonCode, String reason, Instant failedAt) {
        return of(service, topic, partition, offset, key == null ? null : new String(key, StandardCharsets.UTF_8), value,
                reasonCode, reason, failedAt);
    }

    private static DeadLetter of(String service, String topic, int partition, long offset, String key, byte[] value,
                                 String reasonCode, String reason, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setService(service)
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setReasonCode(reasonCode)
                .setReason(reason)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(failedAt)
                .build();
    }

    /** Why a record's bytes could not be read, as a reason code and a reason that never quotes the bytes. */
    public record DecodeFailure(String code, String reason) {
    }

    /**
     * Classifies a deserializer's failure. Our own serde's messages name the topic, schema id and what was wrong, never
     * the content, so they are kept; any other exception (whose text might quote the bytes) is named by its kind only.
     */
    public static DecodeFailure decodeFailure(String valueType, RuntimeException e) {
        if (e instanceof UnknownSchemaIdException unknown) {
            return new DecodeFailure("UNKNOWN_SCHEMA_ID", unknown.getMessage());
        }
        if (e instanceof TrailingBytesException trailing) {
            return new DecodeFailure("TRAILING_BYTES", trailing.getMessage());
        }
        String detail = e instanceof SerializationException && e.getMessage() != null ? ": " + e.getMessage() : "";
        return new DecodeFailure("MALFORMED_AVRO", "Not a readable " + valueType + " in the Confluent Avro wire format ("
                + e.getClass().getSimpleName() + detail + ")");
    }
}
