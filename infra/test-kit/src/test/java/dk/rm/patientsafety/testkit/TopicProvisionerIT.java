package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Start-up provisioning on a real broker and registry: creates what is missing, once, with the registry's settings. */
class TopicProvisionerIT {

    @Test
    void createsEveryTopicWithItsSettingsAndRegistersItsSchemaAndIsIdempotent() throws Exception {
        SchemaRegistryClient registry = TestSchemaRegistry.client();
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, registry, (short) 1, CompatibilityLevel.BACKWARD_TRANSITIVE);
            Set<String> firstRun = provisioner.provision(Topics.ALL);
            Set<String> secondRun = provisioner.provision(Topics.ALL);

            // This module's integration tests share a broker that starts empty, so the first run creates every topic.
            assertEquals(Topics.ALL.stream().map(t -> t.name()).collect(Collectors.toSet()), firstRun);
            assertEquals(Set.of(), secondRun, "a second start-up creates nothing");

            Map<String, TopicDescription> described = admin.describeTopics(Topics.ALL.stream().map(t -> t.name()).toList()).allTopicNames().get();
            for (var topic : Topics.ALL) {
                assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))
                        .all().get().values().iterator().next();
                topic.config().forEach((key, value) -> assertEquals(value, config.get(key).value(), topic.name() + " " + key));
                String subject = topic.name() + "-value";
                assertEquals(registry.register(subject, topic.valueSchema().orElseThrow()),
                        registry.lookUpId(subject, topic.valueSchema().orElseThrow()));
                assertEquals("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}", get("/config/" + subject).replace(" ", ""));
            }
        }
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestSchemaRegistry.url() + path))
                        .header("Authorization", TestIdentityProvider.bearer("downstream")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
