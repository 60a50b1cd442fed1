package dk.rm.patientsafety.topics;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.serde.SubjectNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics if they are missing and registers their value schemas under the chosen
 * compatibility level. Safe to run at every start-up of every service: existing topics and schemas are left alone.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final short replicationFactor;
    private final CompatibilityLevel compatibility;

    public TopicProvisioner(Admin admin, SchemaRegistryClient registry, short replicationFactor, CompatibilityLevel compatibility) {
        this.admin = admin;
        this.registry = registry;
        this.replicationFactor = replicationFactor;
        this.compatibility = compatibility;
    }

    /** Creates missing topics, then registers value schemas; returns the names of the topics it created. */
    public Set<String> provision(Collection<Topic<?, ?>> topics) {
        Set<String> created = createMissing(topics);
        topics.forEach(this::registerValueSchema);
        return created;
    }

    private Set<String> createMissing(Collection<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(replicationFactor))
                    .toList();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot list or create topics", e);
        }
    }

    private static void awaitCreated(String name, org.apache.kafka.common.KafkaFuture<Void> future) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            future.get(30, TimeUnit.SECONDS);
            LOG.info("Created topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // another service won the race: fine
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        }
    }

    private void registerValueSchema(Topic<?, ?> topic) {
        topic.valueSchema().ifPresent(schema -> {
            String subject = SubjectNames.forTopic(topic.name(), false);
            registry.setCompatibility(subject, compatibility);
            int id = registry.register(subject, schema);
            LOG.info("Schema {} registered under {} with id {} ({})", schema.getFullName(), subject, id, compatibility);
        });
    }
}
