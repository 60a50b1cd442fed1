package dk.rm.patientsafety.intake;

import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.ReporterRecord;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes accepted reports, and their reporters' identities, in Kafka transactions, so a report never lands without
 * its reporter or the other way round, and a batch lands whole. Requests arriving together share one transaction
 * (group commit): one thread commits whatever has queued while the previous commit ran, so a burst costs a few commits,
 * not one per request, and each caller still returns only after its own reports are committed. Eager, so topics are
 * provisioned at start-up and an unreachable Kafka fails the start rather than the first report.
 */
@Context
public class IncidentPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentPublisher.class);
    /** Enough records per transaction to keep commits rare, few enough that one commit stays short. */
    private static final int MAX_RECORDS_PER_TRANSACTION = 2_000;
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    /**
     * How long a transaction waits for more requests to join it. Each transaction costs the broker a marker per partition
     * it touched, so under load a few milliseconds of waiting save more than they cost.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("intake.linger-ms", 5));

    /** One caller's reports, answered when the transaction holding them commits or fails. */
    private record Pending(List<IntakePipeline.Accepted> accepted, CompletableFuture<Void> done) {
    }

    private final Supplier<Producer<String, SpecificRecord>> producers;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;
    private Producer<String, SpecificRecord> producer;

    public IncidentPublisher(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        Map<String, Object> config = ClientConfigs.producer(kafka, "intake-http");
        // A stable id lets a restarted intake fence and abort the transaction its crashed predecessor left open at once,
        // instead of every reader of the accepted topic waiting for that transaction to time out.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "intake-http-" + kafka.getInstanceId());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        Serializer<IncidentReported> reports = Topics.INTAKE_ACCEPTED.valueSerde(registry).serializer();
        Serializer<ReporterRecord> reporters = Topics.REPORTERS.valueSerde(registry).serializer();
        Serializer<SpecificRecord> values = (topic, value) -> value instanceof ReporterRecord reporter
                ? reporters.serialize(topic, reporter)
                : reports.serialize(topic, (IncidentReported) value);
        this.producers = () -> {
            KafkaProducer<String, SpecificRecord> created = new KafkaProducer<>(config, Topics.INTAKE_ACCEPTED.keySerde().serializer(), values);
            created.initTransactions();
            return created;
        };
        this.producer = producers.get();
        this.committer = new Thread(this::commitLoop, "intake-publisher");
        committer.start();
    }

    /** Returns once every report is committed on Kafka: a reporter must never be told "accepted" for a lost report. */
    public void publish(List<IntakePipeline.Accepted> accepted) {
        try {
            publishAsync(accepted).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new KafkaException(e.getCause());
        }
    }

    /**
     * Completes once every report is committed on Kafka, or fails (at the latest after {@value #ANSWER_TIMEOUT_SECONDS} s);
     * completed on the committing thread, so what depends on it must be quick.
     */
    public CompletableFuture<Void> publishAsync(List<IntakePipeline.Accepted> accepted) {
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("Intake is stopping"));
        }
        Pending pending = new Pending(accepted, new CompletableFuture<>());
        queue.add(pending);
        return pending.done().orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new KafkaException("Reports not committed within " + ANSWER_TIMEOUT_SECONDS + " s", failure)
                        : failure));
    }

    private void commitLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending> group = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int records = first.accepted().size();
                long lingerEnd = System.nanoTime() + LINGER_NANOS;
                Pending next;
                while (records < MAX_RECORDS_PER_TRANSACTION
                        && (next = queue.poll(Math.max(0, lingerEnd - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                    group.add(next);
                    records += next.accepted().size();
                }
            } catch (InterruptedException e) {
                break;
            }
            commit(group);
        }
    }

    private void commit(List<Pending> group) {
        try {
            producer.beginTransaction();
            for (Pending pending : group) {
                for (IntakePipeline.Accepted item : pending.accepted()) {
                    IncidentReported report = item.report();
                    producer.send(new ProducerRecord<>(Topics.INTAKE_ACCEPTED.name(), null, report.getReceivedAt().toEpochMilli(),
                            report.getReportId(), report));
                    item.reporter().ifPresent(reporter -> producer.send(new ProducerRecord<>(Topics.REPORTERS.name(), null,
                            report.getReceivedAt().toEpochMilli(), report.getReportId(), reporter)));
                }
            }
            producer.commitTransaction();
            group.forEach(pending -> pending.done().complete(null));
        } catch (RuntimeException e) {
            group.forEach(pending -> pending.done().completeExceptionally(e));
            recover(e);
        }
    }

    /** After a failed transaction the producer is aborted, or replaced when Kafka says it can no longer be used. */
    private void recover(RuntimeException failure) {
        LOG.warn("Publishing {} failed; the callers were told", failure.getClass().getSimpleName(), failure);
        if (!(failure instanceof ProducerFencedException)) {
            try {
                producer.abortTransaction();
                return;
            } catch (RuntimeException e) {
                // not abortable either: replaced below
            }
        }
        producer.close(java.time.Duration.ZERO);
        producer = producers.get();
    }

    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        committer.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_SECONDS));
        producer.close();
    }
}
