package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;

/**
 * Proof that the platform's topics exist and their schemas are registered. Beans that read or write
 * topics inject it, so provisioning runs before any of them starts (a stream must not start on a missing topic).
 */
@Singleton
public class ProvisionedTopics {

    public ProvisionedTopics(Admin admin, SchemaRegistryClient registry, KafkaSettings kafka, SchemaRegistrySettings schemas) {
        new TopicProvisioner(admin, registry, kafka.getReplicationFactor(), schemas.getCompatibility()).provision(Topics.ALL);
    }
}
