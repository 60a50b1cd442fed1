package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.events.CountVisibility;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.PublishedCount;
import dk.rm.patientsafety.events.SummaryCount;
import dk.rm.patientsafety.events.SummarySeriousIncident;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.testkit.TestMail;
import dk.rm.patientsafety.testkit.TestPostgres;
import dk.rm.patientsafety.testkit.TestWebhookReceiver;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Learning summaries on the running platform (real broker, registry, PostgreSQL and OIDC server), reports in over HTTP
 * through intake and the classifier. The reports are of March 2021, a month no other test reports in, and each
 * subscription is back-dated in the database to 1 March 2021 (the relay then publishes it again, as for any change),
 * since a subscription's first summary is of the period it was created in.
 */
class LearningSummariesIT extends PlatformIT {

    private static final String PSYCHIATRY = "1309060000000";
    private static final String PSYCHIATRY_DEPARTMENT = "1309061000000";
    private static final String GOEDSTRUP = "1309020000000";
    private static final String AARHUS_NURSING_HOME = "7512000000000";
    private static final Instant CREATED = Instant.parse("2021-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String MAILBOX = "psykiatri-kvalitet@rm.example";
    private String partnerSubscription;

    @Test
    void summariesFollowTheReportsTheirAlertsAndAnOverrideAndAreDelivered() throws Exception {
        String staff = subscribe("regional-team", Map.of("name", "Psykiatrien", "units", List.of(PSYCHIATRY), "cadence", "WEEKLY",
                "channel", "WEB_PAGE"));
        String otherHospital = subscribe("rm-goedstrup", Map.of("units", List.of(GOEDSTRUP), "cadence", "WEEKLY", "channel", "WEB_PAGE"));
        String partner = partnerSubscription = subscribe("partner-aarhus", Map.of("units", List.of("7510000000000"), "cadence", "MONTHLY", "channel", "WEBHOOK",
                "target", "aarhus-kommune"));
        String mailed = subscribe("regional-team", Map.of("units", List.of(PSYCHIATRY), "cadence", "MONTHLY", "channel", "EMAIL",
                "target", MAILBOX));

        // Week 10 of 2021: two medication errors, a fatal one, and one whose text names a nurse and a phone number.
        List<String> week10 = new ArrayList<>();
        week10.add(submit(report("2021-03-08", "Forkert dosis givet", "Patienten fik dobbelt dosis.", "MINOR", "MINOR", null)));
        week10.add(submit(report("2021-03-09", "Forkert dosis givet", "Patienten fik dobbelt dosis om aftenen.", "MINOR", "MINOR", null)));
        String fatal = submit(report("2021-03-10", "Forkert dosis med dødelig udgang", "Patienten fik ti gange dosis og døde.", "FATAL", "FATAL", null));
        week10.add(fatal);
        String named = submit(report("2021-03-11", "Forkert dosis givet", "Sygeplejerske Hanne Jensen ringede fra 86 12 34 56 om dosis.",
                "MINOR", "MINOR", null));
        week10.add(named);
        // Week 11: seven that crossed into an Aarhus nursing home: five medication, two falls, all minor.
        for (int i = 0; i < 7; i++) {
            submit(report("2021-03-1" + (5 + i % 5), i < 5 ? "Forkert dosis ved udskrivelse" : "Patient faldt på gangen",
                    i < 5 ? "Plejehjemmet fik forkert dosis oplyst ved udskrivelsen." : "Patienten faldt på gangen og slog knæet.",
                    "MINOR", "MINOR", AARHUS_NURSING_HOME));
        }
        backdate(staff);
        backdate(otherHospital);
        backdate(partner);
        backdate(mailed);

        LearningSummary w10 = summary(staff, "2021-W10", s -> s.getTotal().getCount().getValue() == 4
                && s.getSeriousIncidents().stream().anyMatch(i -> i.getAlertStatus() != null));
        assertEquals("uge 10, 2021", w10.getPeriodLabel());
        assertEquals(4, count(w10.getByType(), "MEDICATION").getCount().getValue());
        SummarySeriousIncident serious = w10.getSeriousIncidents().get(0);
        assertEquals(fatal, serious.getReportId());
        assertEquals("serious-incident:" + fatal, serious.getAlertId());
        assertEquals(FollowUpStatus.OPEN, serious.getAlertStatus());
        IncidentClassified classified = classified(named);
        assertTrue(w10.getExamples().stream().allMatch(e -> !e.getDescription().contains("86 12 34 56")), "the phone number is redacted");
        w10.getExamples().stream().filter(e -> e.getReportId().equals(named)).findFirst().ifPresent(example ->
                assertEquals(classified.getReport().getExternalDescription(), example.getDescription(), "the externally redacted words"));
        assertFalse(w10.toString().contains("Hanne Jensen"), "no name of the report reaches a summary: " + w10.getExamples());
        assertEquals(0, summary(otherHospital, "2021-W10", s -> true).getTotal().getCount().getValue(), "Gødstrup sees none of them");

        LearningSummary w11 = summary(staff, "2021-W11", s -> s.getTotal().getCount().getValue() == 7);
        assertEquals(4, w11.getTotal().getPrevious().getValue());

        // Acknowledged from the alerting API: the summary's next version says so.
        HttpResponse<String> acknowledged = postJson("regional-team", "alerting", "/api/v1/alerts/serious-incident:" + fatal + "/acknowledge", "{}");
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        LearningSummary afterAck = summary(staff, "2021-W10",
                s -> s.getSeriousIncidents().get(0).getAlertStatus() == FollowUpStatus.ACKNOWLEDGED);
        assertNotEquals(w10.getDigest(), afterAck.getDigest(), "a new version");

        // A caseworker's override moves one report to another type: its week is made again.
        HttpResponse<String> override = postOverride(week10.get(0), Map.of("incidentType", "DOCUMENTATION", "reason", "Fejlen lå i journalen"));
        assertEquals(202, override.statusCode(), override.body());
        LearningSummary afterOverride = summary(staff, "2021-W10", s -> s.getByType().stream()
                .anyMatch(r -> r.getKey().equals("DOCUMENTATION") && Integer.valueOf(1).equals(r.getCount().getValue())));
        assertEquals(3, count(afterOverride.getByType(), "MEDICATION").getCount().getValue());
        assertEquals(4, afterOverride.getTotal().getCount().getValue());

        LearningSummary march = summary(partner, "2021-03", s -> "7".equals(s.getTotal().getCount().getDisplay()));
        assertPartnerSafe(march);
        assertEquals(CountVisibility.SHOWN, count(march.getByType(), "MEDICATION").getCount().getVisibility());
        assertEquals(CountVisibility.BELOW_FIVE, count(march.getByType(), "PATIENT_ACCIDENT_FALL").getCount().getVisibility());
        assertEquals(CountVisibility.HIDDEN, count(march.getBySeverity(), "MINOR_CONSEQUENCE").getCount().getVisibility(),
                "7 minor of a shown 7 would pin every other severity at 0: hidden, though it is not small");
        LearningSummary april = summary(partner, "2021-04", s -> true);
        assertPartnerSafe(april);
        for (int row = 0; row < march.getBySeverity().size(); row++) {
            assertEquals(march.getBySeverity().get(row).getCount(), april.getBySeverity().get(row).getPrevious(),
                    "April's 'period before' is March as published, so it cannot give a hidden count away");
        }
        assertDelivered();
    }

    /** March mailed once, in Danish, redacted; every version of the partner's March posted, signed, aggregates only. */
    private void assertDelivered() throws Exception {
        List<TestMail.Mail> marchMails = TestMail.await(m -> m.to().contains(MAILBOX) && m.subject().contains("marts 2021"), WAIT);
        TestMail.Mail mail = marchMails.get(0);
        assertTrue(mail.subject().startsWith("Læringsopsummering, marts 2021"), mail.subject());
        assertTrue(mail.text().contains("I alt: 11") && mail.text().contains("Alvorlige hændelser"), mail.text());
        assertFalse(mail.text().contains("86 12 34 56") || mail.text().contains("Hanne Jensen"), "redacted words only: " + mail.text());
        // The override and the acknowledgement made new versions of March; the mailbox still has the one mail.
        Thread.sleep(3_000);
        assertEquals(1, TestMail.received().stream().filter(m -> m.to().contains(MAILBOX) && m.subject().contains("marts 2021")).count());

        String prefix = "summary|" + partnerSubscription + "|2021-03|";
        TestWebhookReceiver.Request posted = TestWebhookReceiver.shared().await(r -> r.eventId().startsWith(prefix), 1, WAIT).get(0);
        assertTrue(posted.signature() != null && !posted.signature().isBlank(), "signed");
        JsonNode body = JSON.readTree(posted.body());
        assertEquals("7", body.path("total").path("count").path("display").asText(), posted.body());
        assertEquals("PARTNER", body.path("audience").asText());
        assertEquals(0, body.path("examples").size());
        assertFalse(posted.body().contains("dosis"), "no free text reaches a partner: " + posted.body());
    }

    /** Aggregates only, nothing below five shown, and no breakdown whose one unpublished count a shown total gives back. */
    private static void assertPartnerSafe(LearningSummary summary) {
        assertTrue(summary.getExamples().isEmpty() && summary.getSeriousIncidents().isEmpty() && summary.getSignals().isEmpty()
                && summary.getThemes().isEmpty(), "a partner gets aggregates only: " + summary);
        List<List<SummaryCount>> breakdowns = List.of(summary.getByType(), summary.getBySeverity());
        for (List<SummaryCount> breakdown : breakdowns) {
            for (SummaryCount row : breakdown) {
                for (PublishedCount cell : List.of(row.getCount(), row.getPrevious())) {
                    assertTrue(cell.getVisibility() != CountVisibility.SHOWN || cell.getValue() >= 5, row.getKey() + " " + cell);
                    assertTrue(cell.getVisibility() == CountVisibility.SHOWN || cell.getValue() == null, row.getKey() + " " + cell);
                }
            }
            if (summary.getTotal().getCount().getValue() != null) {
                assertNotEquals(1, breakdown.stream().filter(r -> r.getCount().getValue() == null).count(),
                        "one unpublished count beside a shown total is the total less the others");
            }
        }
    }

    private static String subscribe(String account, Map<String, Object> terms) throws Exception {
        HttpResponse<String> created = postJson(account, "learning", "/api/v1/subscriptions", JSON.writeValueAsString(terms));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("subscriptionId").asText();
    }

    /** As if made on 1 March 2021: a new revision, which the relay publishes. */
    private static void backdate(String subscriptionId) throws Exception {
        TestPostgres.Database db = TestPostgres.shared();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement update = connection.prepareStatement("UPDATE learning.subscription SET created_at = ?, revision = revision + 1, "
                     + "updated_at = now() WHERE subscription_id = ?")) {
            update.setTimestamp(1, Timestamp.from(CREATED));
            update.setString(2, subscriptionId);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** The latest version of a summary once it meets the condition. */
    private static LearningSummary summary(String subscriptionId, String period, Predicate<LearningSummary> condition) {
        String key = subscriptionId + "|" + period;
        List<ConsumerRecord<String, LearningSummary>> read = TopicRecords.readUntil(kafka, Topics.LEARNING_SUMMARIES, registry,
                records -> latest(records, key).filter(condition).isPresent(), WAIT);
        return latest(read, key).orElseThrow();
    }

    private static Optional<LearningSummary> latest(List<ConsumerRecord<String, LearningSummary>> records, String key) {
        LearningSummary latest = null;
        for (ConsumerRecord<String, LearningSummary> record : records) {
            if (record.key().equals(key)) {
                latest = record.value();
            }
        }
        return Optional.ofNullable(latest);
    }

    private static IncidentClassified classified(String reportId) {
        Map<String, IncidentClassified> latest = new HashMap<>();
        TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry, read -> {
            read.forEach(r -> latest.put(r.key(), r.value()));
            return latest.containsKey(reportId);
        }, WAIT);
        return latest.get(reportId);
    }

    private static SummaryCount count(List<SummaryCount> rows, String key) {
        return rows.stream().filter(r -> r.getKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no row " + key + ": " + rows));
    }

    private static Map<String, Object> report(String date, String headline, String description, String actual, String possible,
                                              String involved) {
        Map<String, Object> report = new LinkedHashMap<>(Map.of(
                "source", "learning-test",
                "sourceId", "LRN-" + UUID.randomUUID(),
                "headline", headline,
                "description", description,
                "eventDate", date,
                "incidentLocation", PSYCHIATRY_DEPARTMENT,
                "actualConsequence", actual,
                "possibleConsequence", possible,
                "reporterType", "HEALTH_PROFESSIONAL"));
        if (involved != null) {
            report.put("involvedLocations", List.of(Map.of("sorCode", PSYCHIATRY_DEPARTMENT, "role", "ORIGINATED"),
                    Map.of("sorCode", involved, "role", "RECEIVED")));
        }
        return report;
    }
}
