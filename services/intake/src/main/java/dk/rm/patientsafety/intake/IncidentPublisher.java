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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes accepted reports, and their reporters' identities, in one Kafka transaction per request, so a
 * report never lands without its reporter or the other way round, and a batch lands whole. Eager, so topics
 * are provisioned at start-up and an unreachable Kafka fails the start rather than the first report.
 */
@Context
public class IncidentPublisher {

    private final KafkaProducer<String, SpecificRecord> producer;

    public IncidentPublisher(ProvisionedTopics topics, SchemaRegistryClient registry, KafkaSettings kafka) {
        Map<String, Object> config = ClientConfigs.producer(kafka, "intake-http");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "intake-http-" + UUID.randomUUID());
        Serializer<IncidentReported> reports = Topics.INTAKE_ACCEPTED.valueSerde(registry).serializer();
        Serializer<ReporterRecord> reporters = Topics.REPORTERS.valueSerde(registry).serializer();
        Serializer<SpecificRecord> values = (topic, value) -> value instanceof ReporterRecord reporter
                ? reporters.serialize(topic, reporter)
                : reports.serialize(topic, (IncidentReported) value);
        this.producer = new KafkaProducer<>(config, Topics.INTAKE_ACCEPTED.keySerde().serializer(), values);
        producer.initTransactions();
    }

    /** Returns once every report is committed on Kafka: a reporter must never be told "accepted" for a lost report. */
    public synchronized void publish(List<IntakePipeline.Accepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            for (IntakePipeline.Accepted item : accepted) {
                IncidentReported report = item.report();
                producer.send(new ProducerRecord<>(Topics.INTAKE_ACCEPTED.name(), null, report.getReceivedAt().toEpochMilli(),
                        report.getReportId(), report));
                item.reporter().ifPresent(reporter -> producer.send(new ProducerRecord<>(Topics.REPORTERS.name(), null,
                        report.getReceivedAt().toEpochMilli(), report.getReportId(), reporter)));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @PreDestroy
    public void close() {
        producer.close();
    }
}
