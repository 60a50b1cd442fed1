package dk.rm.patientsafety.service;

import dk.rm.patientsafety.events.DeadLetter;
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
        return DeadLetter.newBuilder()
                .setService(service)
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setReasonCode(reasonCode)
                .setReason(reason)
                .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAt(failedAt)
                .build();
    }
}
