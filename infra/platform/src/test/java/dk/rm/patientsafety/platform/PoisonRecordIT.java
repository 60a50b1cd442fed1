package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.testkit.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.alerting.SeriousIncidentRule;
import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No record stops anything: hostile text is refused at the door, and poison already on a topic is dead-lettered. */
class PoisonRecordIT extends PlatformIT {

    @Test
    void aNulInAHeadlineIsRefusedNamingTheField() throws Exception {
        Map<String, Object> report = new java.util.HashMap<>(serious("POISON-NUL"));
        report.put("headline", "Forkert dosis\u0000heparin");
        HttpResponse<String> response = postReport(report);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertEquals("headline", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("U+0000"), response.body());
    }

    @Test
    void ambiguousOrDamagedBodiesAreRefusedOverHttp() throws Exception {
        String good = JSON.writeValueAsString(serious("POISON-STRICT"));
        for (String body : List.of(good + "}}}", good.replaceFirst("\\{", "{\"headline\": \"x\", "), good + " " + good)) {
            HttpResponse<String> response = postJson("intake", "/api/v1/incidents", body);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void poisonOnTheAlertTopicIsDeadLetteredAndLaterAlertsStillReachTheApi() throws Exception {
        String nulAlertId = "serious-incident:poison-" + Instant.now().toEpochMilli();
        Alert nul = Alert.newBuilder()
                .setAlertId(nulAlertId).setKind(AlertKind.SERIOUS_INCIDENT).setReportId(null)
                .setOverallSeverity(OverallSeverity.SERIOUS_CONSEQUENCE).setIncidentLocation("1309011000000")
                .setEventDate(LocalDate.parse("2026-11-20")).setHeadline("Forkert dosis\u0000heparin")
                .setReason("test").setRaisedAt(Instant.now()).setStatus(AlertStatus.ACTIVE).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.config(kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "garbage", new byte[] {0, 0, 0, 99, 99, 1, 2})).get();
            producer.send(new ProducerRecord<>(Topics.INCIDENTS_CLASSIFIED.name(), "garbage", new byte[] {0, 0, 0, 99, 99, 1, 2})).get();
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), nulAlertId,
                    Topics.ALERTS.valueSerde(registry).serializer().serialize(Topics.ALERTS.name(), nul))).get();
        }
        String later = submit(serious("POISON-LATER"));

        JsonNode alerts = awaitAlerts(List.of(nulAlertId, SeriousIncidentRule.alertId(later)));
        assertEquals("Forkert dosis\uFFFDheparin", alert(alerts, "alertId", nulAlertId).orElseThrow().get("headline").asText());
        List<ConsumerRecord<String, DeadLetter>> dead = TopicRecords.readUntil(kafka, Topics.DEAD_LETTERS, registry,
                read -> read.stream().filter(r -> "garbage".equals(r.key())).map(r -> r.value().getService()).collect(java.util.stream.Collectors.toSet())
                        .containsAll(List.of("uth-alerting-projector", "uth-alerting")), Duration.ofSeconds(30));
        // Two pieces of garbage, one on each topic: the projector's and the alerting stream's dead letters, in either
        // order (the statistics stream dead-letters the classified one too, so wait for the two services named).
        Map<String, String> reasons = dead.stream().filter(r -> "garbage".equals(r.key()))
                .collect(java.util.stream.Collectors.toMap(r -> r.value().getService(), r -> r.value().getReasonCode(), (a, b) -> a));
        assertEquals("UNKNOWN_SCHEMA_ID", reasons.get("uth-alerting-projector"), reasons.toString());
        assertEquals("UNKNOWN_SCHEMA_ID", reasons.get("uth-alerting"), reasons.toString());
        // A rebalance is honestly DOWN for its few seconds; the poison must not keep the consumers down.
        Instant healthDeadline = Instant.now().plusSeconds(30);
        JsonNode health = JSON.readTree(get("alerting", "/health").body());
        while (!"UP".equals(health.path("details").path("kafka-consumers").path("status").asText()) && Instant.now().isBefore(healthDeadline)) {
            Thread.sleep(500);
            health = JSON.readTree(get("alerting", "/health").body());
        }
        assertEquals("UP", health.path("details").path("kafka-consumers").path("status").asText(), health.toString());
        String metrics = get("alerting", "/prometheus").body();
        assertTrue(metrics.contains("platform_deadletters_total{consumer=\"uth-alerting-projector\",reason=\"UNKNOWN_SCHEMA_ID\"}"), metrics);
        assertTrue(metrics.contains("platform_deadletters_total{consumer=\"uth-alerting\",reason=\"UNKNOWN_SCHEMA_ID\"}"),
                "the stream's dead letters are counted too: " + metrics);
    }

    private static JsonNode awaitAlerts(List<String> alertIds) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode alerts = JSON.readTree(get("alerting", "/api/v1/alerts").body());
            if (alertIds.stream().allMatch(id -> alert(alerts, "alertId", id).isPresent())) {
                return alerts;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alerts " + alertIds + " not all listed: " + alerts);
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> serious(String sourceId) {
        return Map.of(
                "source", "poison-test",
                "sourceId", sourceId + "-" + Instant.now().toEpochMilli(),
                "headline", "Forkert dosis givet",
                "description", "Patienten fik dobbelt dosis morfin.",
                "eventDate", "2026-11-20",
                "incidentLocation", "1309011000000",
                "actualConsequence", "SERIOUS",
                "possibleConsequence", "FATAL",
                "reporterType", "HEALTH_PROFESSIONAL");
    }
}
