package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.LearningAudience;
import dk.rm.patientsafety.events.LearningCadence;
import dk.rm.patientsafety.events.LearningChannel;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.polling.PollingLoop;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes each subscription's latest revision on {@code uth.learning-subscriptions.v1} (an outbox): the row as it
 * now stands, or a tombstone once deleted, marked published when the broker has it. A crash between the two sends the
 * same revision again, which the compacted topic keeps once; readers keep the highest revision they have seen.
 */
@Context
public class SubscriptionRelay {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRelay.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final SubscriptionRepository repository;
    private final Producer<String, LearningSubscription> producer;
    private final PollingLoop loop;

    public SubscriptionRelay(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, SubscriptionRepository repository) {
        this.repository = repository;
        this.producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "learning-subscriptions"),
                Topics.LEARNING_SUBSCRIPTIONS.keySerde().serializer(), Topics.LEARNING_SUBSCRIPTIONS.valueSerde(registry).serializer());
        // The database or the broker away: the rows wait, and a later round sends them.
        this.loop = PollingLoop.start("subscription-relay", PAUSE, () -> relayOnce() > 0);
    }

    /** A subscription changed: send it now rather than at the next round. */
    void wake() {
        loop.wake();
    }

    /** Sends every subscription whose latest revision is not yet on the topic; the number the broker took. */
    int relayOnce() {
        List<StoredSubscription> rows = repository.unpublished();
        List<Future<?>> sent = rows.stream().<Future<?>>map(row -> producer.send(new ProducerRecord<>(Topics.LEARNING_SUBSCRIPTIONS.name(),
                row.subscriptionId(), row.deleted() ? null : record(row)))).toList();
        producer.flush();
        int published = 0;
        for (int i = 0; i < rows.size(); i++) {
            try {
                sent.get(i).get();
                repository.markPublished(rows.get(i).subscriptionId(), rows.get(i).revision());
                published++;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Subscription {} revision {} not published yet: {}", rows.get(i).subscriptionId(), rows.get(i).revision(),
                        e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            }
        }
        return published;
    }

    static LearningSubscription record(StoredSubscription row) {
        return LearningSubscription.newBuilder()
                .setSubscriptionId(row.subscriptionId())
                .setRevision(row.revision())
                .setAudience(LearningAudience.valueOf(row.audience()))
                .setName(row.name())
                .setUnits(StoredSubscription.list(row.units()))
                .setIncidentTypes(StoredSubscription.list(row.incidentTypes()).stream().map(IncidentType::valueOf).toList())
                .setMinimumSeverity(row.minimumSeverity() == null ? null : OverallSeverity.valueOf(row.minimumSeverity()))
                .setCrossSectorOnly(row.crossSectorOnly())
                .setCadence(LearningCadence.valueOf(row.cadence()))
                .setChannel(LearningChannel.valueOf(row.channel()))
                .setTarget(row.target())
                .setPaused(row.paused())
                .setCreatedAt(row.createdAt())
                .build();
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        loop.stop(Duration.ofSeconds(5));
        producer.close();
    }
}
