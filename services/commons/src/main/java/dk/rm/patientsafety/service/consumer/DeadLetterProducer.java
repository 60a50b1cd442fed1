package dk.rm.patientsafety.service.consumer;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.ClientConfigs;
import dk.rm.patientsafety.service.KafkaSettings;
import dk.rm.patientsafety.service.ProvisionedTopics;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** The idempotent producer with which plain consumers (not streams) write their dead letters. */
@Factory
public class DeadLetterProducer {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, DeadLetter> deadLetterProducer(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        return new KafkaProducer<>(ClientConfigs.producer(kafka, "dead-letters"), Topics.DEAD_LETTERS.keySerde().serializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).serializer());
    }
}
