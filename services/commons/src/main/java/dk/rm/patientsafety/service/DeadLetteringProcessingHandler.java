package dk.rm.patientsafety.service;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.service.health.DeadLetterCounts;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A record that makes a processor throw is a poison record: retried, it would throw again and stop its partition for
 * good. Kafka Streams hands it here; it goes to {@link Topics#DEAD_LETTERS} with its original bytes, its position and
 * the failing processor (code {@code PROCESSING_FAILED}), in the same transaction as the stream's other output, and the
 * stream goes on with the next record. The reason names the exception's kind only: its message may quote the record.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

    /** The config entry holding the {@code Serializer<DeadLetter>} (an object: it needs the service's registry client). */
    public static final String SERIALIZER_CONFIG = "platform.dead-letter.serializer";
    static final String CODE = "PROCESSING_FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

    private String applicationId;
    private Serializer<DeadLetter> serializer;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        this.applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Object configured = configs.get(SERIALIZER_CONFIG);
        if (!(configured instanceof Serializer<?>)) {
            throw new ConfigException(SERIALIZER_CONFIG, configured, "must be the Serializer<DeadLetter> of the service");
        }
        this.serializer = (Serializer<DeadLetter>) configured;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String topic = context.topic() == null ? "(punctuation)" : context.topic();
        String reason = "Processor " + context.processorNodeId() + " failed: " + exception.getClass().getSimpleName();
        DeadLetter letter = DeadLetters.of(applicationId, topic, context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), CODE, reason, Instant.now());
        DeadLetterCounts.record(applicationId, CODE);
        LOG.warn("{}: record {}-{}@{} dead-lettered: {}", applicationId, topic, context.partition(), context.offset(), reason);
        byte[] value = serializer.serialize(Topics.DEAD_LETTERS.name(), letter);
        return Response.resume(List.of(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, context.sourceRawKey(), value)));
    }
}
