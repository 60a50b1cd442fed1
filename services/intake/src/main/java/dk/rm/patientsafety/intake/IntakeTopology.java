package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentSubmission;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetters;
import dk.rm.patientsafety.service.health.DeadLetterCounts;
import dk.rm.patientsafety.service.http.Problem.FieldError;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Intake's streams: submissions from source systems are checked and pseudonymised like HTTP reports (rejects go
 * to intake's dead letters with their bytes and reasons), and every accepted report, from any path, is
 * published once: a report id seen before is a resubmission and is counted, not published again.
 */
public final class IntakeTopology {

    public static final String APPLICATION_ID = "uth-intake";
    static final String SEEN_REPORTS = "seen-report-ids";

    /** What the Kafka path made of one record. */
    record Result(IntakePipeline.Accepted accepted, DeadLetter rejected) {
    }

    private IntakeTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, IntakePipeline pipeline, IntakeCounters counters, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        submissions(builder, registry, pipeline, counters, clock);
        deduplication(builder, registry, counters);
        return builder.build();
    }

    private static void submissions(StreamsBuilder builder, SchemaRegistryClient registry, IntakePipeline pipeline,
                                    IntakeCounters counters, Clock clock) {
        Deserializer<IncidentSubmission> deserializer = Topics.INCIDENTS_SUBMITTED.valueSerde(registry).deserializer();
        KStream<String, Result> results = builder.stream(Topics.INCIDENTS_SUBMITTED.name(),
                        Consumed.with(Topics.INCIDENTS_SUBMITTED.keySerde(), Serdes.ByteArray()).withName("read-submissions"))
                .processValues(() -> new SubmissionProcessor(deserializer, pipeline, counters, clock), Named.as("check-submission"));

        results.filter((key, result) -> result.rejected() != null, Named.as("rejected"))
                .mapValues(Result::rejected)
                .to(Topics.INTAKE_DEAD_LETTERS.name(), Produced.with(Topics.INTAKE_DEAD_LETTERS.keySerde(),
                        Topics.INTAKE_DEAD_LETTERS.valueSerde(registry)));
        KStream<String, IntakePipeline.Accepted> accepted = results
                .filter((key, result) -> result.accepted() != null, Named.as("accepted"))
                .map((key, result) -> KeyValue.pair(result.accepted().report().getReportId(), result.accepted()), Named.as("key-by-report-id"));
        accepted.mapValues(IntakePipeline.Accepted::report)
                .to(Topics.INTAKE_ACCEPTED.name(), Produced.with(Topics.INTAKE_ACCEPTED.keySerde(), Topics.INTAKE_ACCEPTED.valueSerde(registry)));
        accepted.filter((key, ok) -> ok.reporter().isPresent())
                .mapValues(ok -> ok.reporter().orElseThrow())
                .to(Topics.REPORTERS.name(), Produced.with(Topics.REPORTERS.keySerde(), Topics.REPORTERS.valueSerde(registry)));
    }

    private static void deduplication(StreamsBuilder builder, SchemaRegistryClient registry, IntakeCounters counters) {
        StoreBuilder<KeyValueStore<String, Long>> seen = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_REPORTS), Serdes.String(), Serdes.Long());
        builder.addStateStore(seen);
        builder.stream(Topics.INTAKE_ACCEPTED.name(), Consumed.with(Topics.INTAKE_ACCEPTED.keySerde(),
                        Topics.INTAKE_ACCEPTED.valueSerde(registry)).withName("read-accepted"))
                .processValues(() -> new FirstSightingOnly(counters), Named.as("drop-resubmissions"), SEEN_REPORTS)
                .filter((key, report) -> report != null, Named.as("first-sightings"))
                .to(Topics.INCIDENTS_REPORTED.name(), Produced.with(Topics.INCIDENTS_REPORTED.keySerde(),
                        Topics.INCIDENTS_REPORTED.valueSerde(registry)));
    }

    /** Decodes, checks and pseudonymises one submission; anything that fails becomes a dead letter with its reasons. */
    private static final class SubmissionProcessor implements FixedKeyProcessor<String, byte[], Result> {

        private final Deserializer<IncidentSubmission> deserializer;
        private final IntakePipeline pipeline;
        private final IntakeCounters counters;
        private final Clock clock;
        private FixedKeyProcessorContext<String, Result> context;

        SubmissionProcessor(Deserializer<IncidentSubmission> deserializer, IntakePipeline pipeline, IntakeCounters counters, Clock clock) {
            this.deserializer = deserializer;
            this.pipeline = pipeline;
            this.counters = counters;
            this.clock = clock;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Result> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            RecordMetadata source = context.recordMetadata().orElseThrow();
            IncidentSubmission submission;
            try {
                submission = record.value() == null ? null : deserializer.deserialize(source.topic(), record.value());
            } catch (RuntimeException e) {
                DeadLetters.DecodeFailure failure = DeadLetters.decodeFailure("IncidentSubmission", e);
                reject(record, source, failure.code(), failure.reason());
                return;
            }
            if (submission == null) {
                reject(record, source, "EMPTY_VALUE", "The record has no value");
                return;
            }
            IntakePipeline.Outcome outcome = pipeline.process(submission, clock.instant());
            if (outcome instanceof IntakePipeline.Accepted ok) {
                counters.accepted(IntakeCounters.Path.KAFKA);
                context.forward(record.withValue(new Result(ok, null)));
            } else {
                List<FieldError> errors = ((IntakePipeline.Rejected) outcome).errors();
                reject(record, source, "INVALID_REPORT", errors.stream().map(e -> e.field() + " " + e.message())
                        .collect(Collectors.joining("; ")));
            }
        }

        private void reject(FixedKeyRecord<String, byte[]> record, RecordMetadata source, String code, String reason) {
            counters.rejected(IntakeCounters.Path.KAFKA);
            DeadLetterCounts.record(APPLICATION_ID, code);
            DeadLetter deadLetter = DeadLetters.of(APPLICATION_ID, source, record, code, reason, clock.instant());
            context.forward(record.withValue(new Result(null, deadLetter)));
        }
    }

    /** Passes a report on the first time its id is seen, and counts every later sighting as a resubmission. */
    private static final class FirstSightingOnly implements FixedKeyProcessor<String, IncidentReported, IncidentReported> {

        private final IntakeCounters counters;
        private FixedKeyProcessorContext<String, IncidentReported> context;
        private KeyValueStore<String, Long> seen;

        FirstSightingOnly(IntakeCounters counters) {
            this.counters = counters;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, IncidentReported> context) {
            this.context = context;
            this.seen = context.getStateStore(SEEN_REPORTS);
        }

        @Override
        public void process(FixedKeyRecord<String, IncidentReported> record) {
            if (seen.get(record.key()) != null) {
                counters.duplicate();
                context.forward(record.withValue(null));
                return;
            }
            seen.put(record.key(), record.timestamp());
            counters.published();
            context.forward(record);
        }
    }
}
