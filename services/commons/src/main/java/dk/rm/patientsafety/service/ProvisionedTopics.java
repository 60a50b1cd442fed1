package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;

import java.util.List;
import java.util.Optional;

/**
 * Proof that the topics this service uses exist and their schemas are registered. Beans that read or write
 * topics inject it, so provisioning runs before any of them starts (a stream must not start on a missing topic).
 * Signed in as one of {@link KafkaPrincipals}, a service provisions that account's topics (it may create no others);
 * without an account, all of them.
 */
@Singleton
public class ProvisionedTopics {

    public ProvisionedTopics(Admin admin, SchemaRegistryClient registry, KafkaSettings kafka, SchemaRegistrySettings schemas) {
        List<Topic<?, ?>> topics = Optional.ofNullable(kafka.getUsername()).flatMap(KafkaPrincipals::named)
                .map(KafkaPrincipal::topics).orElse(Topics.ALL);
        new TopicProvisioner(admin, registry, kafka.getReplicationFactor(), schemas.getCompatibility()).provision(topics);
    }
}
