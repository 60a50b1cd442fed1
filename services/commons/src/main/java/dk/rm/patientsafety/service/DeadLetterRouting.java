package dk.rm.patientsafety.service;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.serde.AvroDeserializer;
import dk.rm.patientsafety.service.health.DeadLetterCounts;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a topic so that a record that cannot be decoded goes to the dead-letter topic with its original
 * bytes and the reason, instead of stopping the stream or vanishing.
 */
public final class DeadLetterRouting {

    private DeadLetterRouting() {
    }

    /** A decoded value, or the dead letter explaining why there is none. */
    public record Decoded<V>(V value, DeadLetter deadLetter) {
        boolean failed() {
            return deadLetter != null;
        }
    }

    /** Streams the decodable values of {@code topic}; the rest is written to {@link Topics#DEAD_LETTERS}. */
    public static <V> KStream<String, V> decodeOrDeadLetter(StreamsBuilder builder, Topic<String, V> topic, Serde<V> valueSerde,
                                                            Serde<DeadLetter> deadLetterSerde, String service, Clock clock) {
        return decodeOrDeadLetter(builder, topic, valueSerde, deadLetterSerde, service, clock, value -> Optional.empty());
    }

    /**
     * As above, and a decoded value the validator finds a problem with is a dead letter too (code INVALID_VALUE). The
     * problem must name the failing rule and field, never their content.
     */
    public static <V> KStream<String, V> decodeOrDeadLetter(StreamsBuilder builder, Topic<String, V> topic, Serde<V> valueSerde,
                                                            Serde<DeadLetter> deadLetterSerde, String service, Clock clock,
                                                            Function<V, Optional<String>> validator) {
        // Keys are plain strings on every topic; only values can be undecodable.
        KStream<String, byte[]> raw = builder.stream(topic.name(), Consumed.with(topic.keySerde(), Serdes.ByteArray())
                .withName("read-" + topic.name()));
        KStream<String, Decoded<V>> decoded = raw.processValues(
                () -> new DecodingProcessor<>(valueSerde.deserializer(), validator, service, clock), Named.as("decode-" + topic.name()));
        String prefix = "decoded-" + topic.name() + "-";
        Map<String, KStream<String, Decoded<V>>> branches = decoded.split(Named.as(prefix))
                .branch((key, result) -> result.failed(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));
        branches.get(prefix + "failed")
                .mapValues(Decoded::deadLetter)
                .to(Topics.DEAD_LETTERS.name(), Produced.with(Serdes.String(), deadLetterSerde));
        return branches.get(prefix + "ok").mapValues(Decoded::value);
    }

    private static final class DecodingProcessor<V> implements FixedKeyProcessor<String, byte[], Decoded<V>> {

        private final Deserializer<V> deserializer;
        private final Function<V, Optional<String>> validator;
        private final String service;
        private final Clock clock;
        private FixedKeyProcessorContext<String, Decoded<V>> context;

        DecodingProcessor(Deserializer<V> deserializer, Function<V, Optional<String>> validator, String service, Clock clock) {
            this.deserializer = deserializer;
            this.validator = validator;
            this.service = service;
            this.clock = clock;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Decoded<V>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            RecordMetadata source = context.recordMetadata().orElseThrow();
            try {
                V value = deserializer.deserialize(source.topic(), record.value());
                if (value == null) {
                    context.forward(record.withValue(new Decoded<>(null, deadLetter(source, record, "EMPTY_VALUE", "Record has no value"))));
                } else {
                    Optional<String> problem = validator.apply(value);
                    context.forward(record.withValue(problem.isPresent()
                            ? new Decoded<>(null, deadLetter(source, record, "INVALID_VALUE", problem.get()))
                            : new Decoded<>(value, null)));
                }
            } catch (RuntimeException e) {
                // The reason names the failure, never the content: values may hold personal data.
                DeadLetters.DecodeFailure failure = DeadLetters.decodeFailure(valueType(), e);
                context.forward(record.withValue(new Decoded<>(null, deadLetter(source, record, failure.code(), failure.reason()))));
            }
        }

        private String valueType() {
            return deserializer instanceof AvroDeserializer<?> avro ? avro.type().getSimpleName() : "value";
        }

        private DeadLetter deadLetter(RecordMetadata source, FixedKeyRecord<String, byte[]> record, String code, String reason) {
            DeadLetterCounts.record(service, code);
            return DeadLetters.of(service, source, record, code, reason, clock.instant());
        }
    }
}
