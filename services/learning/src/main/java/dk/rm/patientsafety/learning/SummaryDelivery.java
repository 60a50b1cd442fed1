package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.service.consumer.ProjectionLoop;
import dk.rm.patientsafety.service.health.DeadLetterMetrics;
import dk.rm.patientsafety.service.health.WatchedConsumer;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads the summaries topic and hands each summary to its subscription's channel through the delivery queue. Offsets
 * are committed after the queue rows are written, and the rows are keyed by event, so a crash or a replay re-reads
 * summaries without delivering one twice.
 */
@Context
public class SummaryDelivery implements WatchedConsumer {

    static final String GROUP_ID = "uth-learning-delivery";

    private final ProjectionLoop<LearningSummary> loop;
    private final Thread thread;
    private final SummaryOutbox outbox;

    public SummaryDelivery(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka, SummaryOutbox outbox,
                           Producer<String, DeadLetter> deadLetters, DeadLetterMetrics metrics) {
        this.outbox = outbox;
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientConfigs.consumer(kafka, GROUP_ID),
                Topics.LEARNING_SUMMARIES.keySerde().deserializer(), new ByteArrayDeserializer());
        this.loop = new ProjectionLoop<>(GROUP_ID, Topics.LEARNING_SUMMARIES.name(), consumer,
                Topics.LEARNING_SUMMARIES.valueSerde(registry).deserializer(), this::deliver, deadLetters, Topics.DEAD_LETTERS.name(),
                Clock.systemUTC(), code -> metrics.deadLettered(GROUP_ID, code));
        this.thread = new Thread(loop, "summary-delivery");
        thread.start();
    }

    private void deliver(LearningSummary summary) {
        // A tombstone: the subscription is gone, and so is anything to send.
        if (summary != null) {
            outbox.deliver(summary.getSubscriptionId() + "|" + summary.getPeriod(), summary);
        }
    }

    @Override
    public String groupId() {
        return GROUP_ID;
    }

    @Override
    public Optional<String> problem() {
        return loop.problem("summary delivery");
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        loop.stop();
        thread.join(10_000);
    }
}
