package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.testkit.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.alerting.AlertLifecycle;
import dk.rm.patientsafety.alerting.AlertingTopology;
import dk.rm.patientsafety.alerting.SeriousIncidentRule;
import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.testkit.TestMail;
import dk.rm.patientsafety.testkit.TestWebhookReceiver;
import dk.rm.patientsafety.delivery.WebhookSignature;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first slice end to end on a real broker, registry and PostgreSQL: report over HTTP → classification → alert. */
class IncidentToAlertIT extends PlatformIT {

    private static final TestWebhookReceiver WEBHOOKS = TestWebhookReceiver.shared();



    @Test
    void aSeriousReportRaisesExactlyOneAlertAndAMinorOneNone() throws Exception {
        String minor = submit(report("SLICE-MINOR", "MINOR", "MINOR"));
        String serious = submit(report("SLICE-SERIOUS", "SERIOUS", "FATAL"));

        List<ConsumerRecord<String, IncidentClassified>> classified = TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry,
                read -> keys(read).containsAll(Set.of(minor, serious)), Duration.ofSeconds(60));
        assertEquals(OverallSeverity.MINOR_CONSEQUENCE, latest(classified, minor).getOverallSeverity());
        assertEquals(OverallSeverity.SERIOUS_CONSEQUENCE, latest(classified, serious).getOverallSeverity());

        awaitAlertingPast(classified);
        List<ConsumerRecord<String, Alert>> alerts = TopicRecords.readUntil(kafka, Topics.ALERTS, registry,
                read -> keys(read).contains(SeriousIncidentRule.alertId(serious)), Duration.ofSeconds(30));
        assertEquals(1, alerts.stream().filter(a -> serious.equals(a.value().getReportId())).count(), "one alert for the serious report");
        assertEquals(0, alerts.stream().filter(a -> minor.equals(a.value().getReportId())).count(), "no alert for the minor report");

        JsonNode listed = awaitListedAlert(serious);
        assertEquals(1, count(listed, serious));
        assertEquals(0, count(listed, minor));
        assertEquals("SERIOUS_CONSEQUENCE", alert(listed, "reportId", serious).orElseThrow().get("overallSeverity").asText());
    }

    @Test
    void aCaseworkersReclassificationWithdrawsTheAlertDownstream() throws Exception {
        String serious = submit(report("SLICE-OVERRIDE", "NONE", "FATAL"));
        JsonNode raised = awaitAlertStatus(serious, "ACTIVE");
        assertEquals("1309010000000", raised.get("responsibleUnit").asText(), "the hospital's officers handle it");
        assertEquals(List.of("1309011000000", "1309010000000", "1309000000000"),
                JSON.convertValue(raised.get("lineage"), List.class), "on the lists of the department, the hospital and the region");

        HttpResponse<String> unknown = postOverride("no-such-report", Map.of("overallSeverity", "NO_CONSEQUENCE",
                "reason", "test"));
        assertEquals(404, unknown.statusCode(), unknown.body());
        HttpResponse<String> invalid = postOverride(serious, Map.of("overallSeverity", "HARMLESS", "caseworker", "anonymous-attacker"));
        assertEquals(400, invalid.statusCode());
        assertEquals(Set.of("overallSeverity", "caseworker", "reason"), fields(JSON.readTree(invalid.body())),
                "a caseworker name in the body is refused: the token says who decides");

        // The risk manager of the hospital whose department reported it; the audit names the token's subject.
        HttpResponse<String> accepted = postJson("rm-auh", "classifier", "/api/v1/incidents/" + serious + "/classification",
                JSON.writeValueAsString(Map.of("overallSeverity", "NO_CONSEQUENCE", "incidentType", "DOCUMENTATION",
                        "reason", "Fejlen blev opdaget før administration")));
        assertEquals(202, accepted.statusCode(), accepted.body());

        JsonNode withdrawn = awaitAlertStatus(serious, "WITHDRAWN");
        assertEquals("NO_CONSEQUENCE", withdrawn.get("overallSeverity").asText());
        assertEquals(raised.get("raisedAt").asText(), withdrawn.get("raisedAt").asText(), "the first raise time is kept");
        Instant followUpDeadline = Instant.now().plusSeconds(30);
        JsonNode followUp = JSON.readTree(get("rm-auh", "alerting", "/api/v1/alerts/" + withdrawn.get("alertId").asText()).body());
        while (!followUp.get("alert").get("followUp").asText().equals("WITHDRAWN") && Instant.now().isBefore(followUpDeadline)) {
            Thread.sleep(200);
            followUp = JSON.readTree(get("rm-auh", "alerting", "/api/v1/alerts/" + withdrawn.get("alertId").asText()).body());
        }
        JsonNode steps = followUp.get("history");
        assertEquals("RAISED system, WITHDRAWN system", steps.get(0).get("action").asText() + " " + steps.get(0).get("actor").asText() + ", "
                + steps.get(1).get("action").asText() + " " + steps.get(1).get("actor").asText(), "the follow-up is withdrawn with the cause: " + followUp);
        assertTrue(Instant.parse(withdrawn.get("updatedAt").asText()).isAfter(Instant.parse(raised.get("raisedAt").asText())),
                "the withdrawal has its own time: " + withdrawn);
        List<ConsumerRecord<String, IncidentClassified>> classified = TopicRecords.readUntil(kafka, Topics.INCIDENTS_CLASSIFIED, registry,
                read -> read.stream().anyMatch(r -> r.key().equals(serious) && r.value().getOverride() != null), Duration.ofSeconds(30));
        IncidentClassified latest = latest(classified, serious);
        assertEquals("rm-auh", latest.getOverride().getCaseworker());
        assertEquals("DOCUMENTATION", latest.getIncidentType().name());
    }

    @Test
    void threeMedicationIncidentsInADepartmentWithinAWeekRaiseOneClusterAlert() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (String day : List.of("2026-10-05", "2026-10-07", "2026-10-09")) {
            Map<String, Object> report = new java.util.HashMap<>(report("SLICE-CLUSTER-" + day, "MINOR", "MINOR"));
            report.put("incidentLocation", RANDERS_MEDICAL);
            report.put("eventDate", day);
            ids.add(submit(report));
        }
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode clusters = JSON.readTree(get("alerting", "/api/v1/alerts?kind=CLUSTER&unit=" + RANDERS_MEDICAL).body());
        while (clusters.size() == 0 || clusters.get(0).get("reportIds").size() < 3) {
            assertTrue(Instant.now().isBefore(deadline), "no cluster alert of three: " + clusters);
            Thread.sleep(200);
            clusters = JSON.readTree(get("alerting", "/api/v1/alerts?kind=CLUSTER&unit=" + RANDERS_MEDICAL).body());
        }
        assertEquals(1, clusters.size(), clusters.toString());
        JsonNode cluster = clusters.get(0);
        assertEquals("cluster:" + RANDERS_MEDICAL + ":MEDICATION:2026-10-05", cluster.get("alertId").asText());
        assertEquals(ids, JSON.convertValue(cluster.get("reportIds"), List.class), "the evidence, in event-date order");
        assertEquals("MEDICATION", cluster.get("incidentType").asText());
        assertEquals("1309030000000", cluster.get("responsibleUnit").asText());
        assertEquals("2026-10-09", cluster.get("lastEventDate").asText());
        assertEquals("3 hændelser om medicinering på samme enhed inden for 5 dage", cluster.get("headline").asText());
    }

    @Test
    void anAlertIsFollowedUpStepByStepAndEveryStepIsOnRecordWithWhoTookIt() throws Exception {
        String serious = submit(report("SLICE-FOLLOW-UP", "SERIOUS", "FATAL"));
        String alertId = SeriousIncidentRule.alertId(serious);
        awaitAlertStatus(serious, "ACTIVE");
        String path = "/api/v1/alerts/" + alertId;
        JsonNode detail = JSON.readTree(get("rm-auh", "alerting", path).body());
        assertEquals("OPEN", detail.get("alert").get("followUp").asText());
        JsonNode raised = detail.get("history").get(0);
        assertEquals(1, detail.get("history").size(), detail.toString());
        assertEquals("RAISED system 0", raised.get("action").asText() + " " + raised.get("actor").asText() + " " + raised.get("escalationLevel").asInt());
        assertEquals(List.of("risikomanager.auh@patientsikkerhed.example"), JSON.convertValue(raised.get("recipients"), List.class),
                "raised to the responsible hospital's risk managers");

        HttpResponse<String> noNote = postJson("rm-auh", "alerting", path + "/resolve", "{}");
        assertEquals(400, noNote.statusCode(), noNote.body());
        assertEquals(Set.of("note"), fields(JSON.readTree(noNote.body())), "resolving needs a note");
        HttpResponse<String> actor = postJson("rm-auh", "alerting", path + "/acknowledge", "{\"actor\": \"someone-else\"}");
        assertEquals(Set.of("actor"), fields(JSON.readTree(actor.body())), "the token says who takes a step");
        assertEquals(404, postJson("rm-goedstrup", "alerting", path + "/acknowledge", "{}").statusCode(), "another hospital's alert");
        assertEquals(404, get("rm-goedstrup", "alerting", path).statusCode());
        assertEquals(404, postJson("rm-auh", "alerting", "/api/v1/alerts/no-such-alert/acknowledge", "{}").statusCode());
        assertEquals(404, postJson("rm-auh", "alerting", path + "/approve", "{}").statusCode(), "no such step");

        assertEquals("ACKNOWLEDGED", followUp(postJson("rm-auh", "alerting", path + "/acknowledge", "{}")));
        HttpResponse<String> twice = postJson("rm-auh", "alerting", path + "/acknowledge", "{}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("application/problem+json", twice.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("ACTION_UNDERWAY", followUp(postJson("rm-auh", "alerting", path + "/action-underway", "{}")));
        assertEquals("RESOLVED", followUp(postJson("rm-auh", "alerting", path + "/resolve",
                "{\"note\": \"Dobbeltkontrol af heparin indført i afsnittet\"}")));
        assertEquals(400, postJson("regional-team", "alerting", path + "/reopen", "{\"note\": \"a\\u0000b\"}").statusCode(), "no NUL in a note");
        assertEquals("OPEN", followUp(postJson("regional-team", "alerting", path + "/reopen",
                "{\"note\": \"Patienten 010190-1234 har klaget igen\"}")));

        JsonNode history = JSON.readTree(get("rm-auh", "alerting", path).body()).get("history");
        List<String> steps = new java.util.ArrayList<>();
        history.forEach(step -> steps.add(step.get("sequence").asInt() + " " + step.get("action").asText() + " " + step.get("actor").asText()));
        assertEquals(List.of("1 RAISED system", "2 ACKNOWLEDGED rm-auh", "3 ACTION_UNDERWAY rm-auh", "4 RESOLVED rm-auh",
                "5 REOPENED regional-team"), steps);
        assertEquals("Dobbeltkontrol af heparin indført i afsnittet", history.get(3).get("note").asText());
        assertEquals("Patienten [CPR] har klaget igen", history.get(4).get("note").asText(), "no CPR number in a note");
        assertEquals(List.of("risikomanager.auh@patientsikkerhed.example"), JSON.convertValue(history.get(4).get("recipients"), List.class),
                "reopened, the alert is back with who had it");

        List<ConsumerRecord<String, AlertEvent>> events = TopicRecords.readUntil(kafka, Topics.ALERT_EVENTS, registry,
                read -> read.stream().filter(r -> r.key().startsWith(alertId + "|")).count() == 5, Duration.ofSeconds(30));
        AlertEvent resolved = events.stream().filter(r -> r.key().equals(alertId + "|4")).findFirst().orElseThrow().value();
        assertEquals(List.of("RESOLVED", "ACTION_UNDERWAY", "RESOLVED", "rm-auh"), List.of(resolved.getAction().name(),
                resolved.getFromStatus().name(), resolved.getToStatus().name(), resolved.getActor()));
    }

    @Test
    void anAlertNobodyAcknowledgesGoesToTheManagementThenTheRegionalTeamAndAcknowledgingStopsIt() throws Exception {
        String fatal = submit(report("SLICE-ESCALATE", "FATAL", "FATAL"));
        String calm = submit(report("SLICE-ESCALATE-ACK", "FATAL", "FATAL"));
        String alertId = SeriousIncidentRule.alertId(fatal);
        awaitAlertStatus(fatal, "ACTIVE");
        awaitAlertStatus(calm, "ACTIVE");
        JsonNode open = awaitHistory(alertId, 1).get("alert");
        Instant raisedAt = Instant.parse(open.get("raisedAt").asText());
        assertEquals(raisedAt.plus(Duration.ofMinutes(15)), Instant.parse(open.get("escalateAt").asText()), "a fatal incident: 15 minutes");
        awaitHistory(SeriousIncidentRule.alertId(calm), 1);
        assertEquals(200, postJson("rm-auh", "alerting", "/api/v1/alerts/" + SeriousIncidentRule.alertId(calm) + "/acknowledge", "{}").statusCode());

        // The sweep is driven by a clock the test sets: 14 minutes on nothing happens, 16 minutes on the management is told.
        AlertLifecycle lifecycle = services.service("alerting").context().getBean(AlertLifecycle.class);
        lifecycle.escalateDue(raisedAt.plus(Duration.ofMinutes(14)));
        assertEquals(1, awaitHistory(alertId, 1).get("history").size());
        lifecycle.escalateDue(raisedAt.plus(Duration.ofMinutes(16)));
        JsonNode first = awaitHistory(alertId, 2);
        JsonNode escalated = first.get("history").get(1);
        assertEquals("ESCALATED system 1", escalated.get("action").asText() + " " + escalated.get("actor").asText() + " "
                + escalated.get("escalationLevel").asInt());
        assertEquals(List.of("ledelse.auh@patientsikkerhed.example"), JSON.convertValue(escalated.get("recipients"), List.class));
        assertEquals("Ikke kvitteret inden for 15 minutter: sendt videre til den ansvarlige enheds ledelse.", escalated.get("note").asText());
        assertEquals(raisedAt.plus(Duration.ofMinutes(30)), Instant.parse(first.get("alert").get("escalateAt").asText()));
        List<TestMail.Mail> escalationMail = TestMail.await(m -> m.to().contains("ledelse.auh@patientsikkerhed.example")
                && m.subject().startsWith("Eskaleret alarm") && m.text().contains(java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8)),
                Duration.ofSeconds(30));
        assertEquals(1, escalationMail.size(), "the management is mailed once");
        assertTrue(escalationMail.get(0).text().contains("Bemærkning: Ikke kvitteret inden for 15 minutter"), escalationMail.get(0).text());

        lifecycle.escalateDue(raisedAt.plus(Duration.ofMinutes(16)));
        assertEquals(2, awaitHistory(alertId, 2).get("history").size(), "a sweep at the same time again escalates nothing");
        // Two sweeps at once (two instances): the row lock lets one take the alert, the other skips it.
        java.util.concurrent.ExecutorService sweeps = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> both = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(sweeps.submit(() -> {
                start.await();
                return lifecycle.escalateDue(raisedAt.plus(Duration.ofMinutes(31)));
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Integer> sweep : both) {
            sweep.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        sweeps.shutdown();
        JsonNode top = awaitHistory(alertId, 3);
        assertEquals(List.of("risikomanager.regionalt-team@patientsikkerhed.example", "ledelse.regionalt-team@patientsikkerhed.example"),
                JSON.convertValue(top.get("history").get(2).get("recipients"), List.class));
        assertFalse(top.get("alert").hasNonNull("escalateAt"), "the top has no one above it: " + top);
        lifecycle.escalateDue(raisedAt.plus(Duration.ofDays(30)));
        assertEquals(3, awaitHistory(alertId, 3).get("history").size());

        JsonNode acknowledged = awaitHistory(SeriousIncidentRule.alertId(calm), 2);
        assertEquals("ACKNOWLEDGED", acknowledged.get("history").get(1).get("action").asText(), "acknowledged in time, never escalated");
        assertEquals(0, acknowledged.get("alert").get("escalationLevel").asInt());

        List<ConsumerRecord<String, AlertEvent>> events = TopicRecords.readUntil(kafka, Topics.ALERT_EVENTS, registry,
                read -> keys(read).containsAll(Set.of(alertId + "|2", alertId + "|3")), Duration.ofSeconds(30)); // steps of one alert may sit on different partitions
        AlertEvent onTopic = events.stream().filter(r -> r.key().equals(alertId + "|2")).findFirst().orElseThrow().value();
        assertEquals("ESCALATED 1 [ledelse.auh@patientsikkerhed.example]", onTopic.getAction() + " " + onTopic.getEscalationLevel() + " "
                + onTopic.getRecipients());
    }

    @Test
    void anAlertIsMailedInDanishToItsRecipientsAndPostedSignedToSubscribersRetriedAndDeadLetteredAfterTheLastTry() throws Exception {
        String flaky = submit(report("SLICE-DELIVER-FLAKY", "SERIOUS", "FATAL"));
        String flakyEvent = SeriousIncidentRule.alertId(flaky) + "|1";
        WEBHOOKS.refuse(flakyEvent, 2);
        String dead = submit(report("SLICE-DELIVER-DEAD", "SERIOUS", "FATAL"));
        String deadEvent = SeriousIncidentRule.alertId(dead) + "|1";
        WEBHOOKS.refuse(deadEvent, 100);

        List<TestWebhookReceiver.Request> tries = WEBHOOKS.await(r -> flakyEvent.equals(r.eventId()), 3, Duration.ofSeconds(60));
        assertEquals(List.of(500, 500, 204), tries.stream().map(TestWebhookReceiver.Request::answered).toList(), "tried until delivered");
        assertTrue(Duration.between(tries.get(0).at(), tries.get(1).at()).toMillis() >= 150, "backed off: " + tries);
        assertTrue(Duration.between(tries.get(1).at(), tries.get(2).at()).toMillis() >= 350, "backed off twice as long: " + tries);
        for (TestWebhookReceiver.Request request : tries) {
            assertTrue(WebhookSignature.verify(TestWebhookReceiver.SECRET, request.eventId(), Long.parseLong(request.timestamp()), request.body(),
                    request.signature()), "signed: " + request);
        }
        JsonNode payload = JSON.readTree(tries.get(2).body());
        assertEquals(flakyEvent, payload.get("eventId").asText());
        assertEquals("RAISED", payload.get("step").get("action").asText());
        assertEquals(SeriousIncidentRule.alertId(flaky), payload.get("alert").get("alertId").asText());

        List<TestWebhookReceiver.Request> refused = WEBHOOKS.await(r -> deadEvent.equals(r.eventId()), 4, Duration.ofSeconds(60));
        List<ConsumerRecord<String, DeadLetter>> letters = TopicRecords.readUntil(kafka, Topics.DEAD_LETTERS, registry,
                read -> read.stream().anyMatch(r -> r.key() != null && r.key().startsWith(deadEvent)), Duration.ofSeconds(30));
        DeadLetter letter = letters.stream().filter(r -> r.key() != null && r.key().startsWith(deadEvent)).findFirst().orElseThrow().value();
        assertEquals(4, refused.size(), "four tries, then given up");
        assertEquals("DELIVERY_EXHAUSTED", letter.getReasonCode());
        assertEquals("test-receiver answered 500 (4 tries)", letter.getReason());
        Thread.sleep(1_500);
        assertEquals(4, WEBHOOKS.received(r -> deadEvent.equals(r.eventId())).size(), "no fifth try");

        List<TestMail.Mail> mails = TestMail.await(m -> m.text().contains(java.net.URLEncoder.encode(SeriousIncidentRule.alertId(flaky),
                java.nio.charset.StandardCharsets.UTF_8)), Duration.ofSeconds(30));
        assertEquals(1, mails.size(), "one mail to the one mailbox: " + mails);
        TestMail.Mail mail = mails.get(0);
        assertEquals(List.of("risikomanager.auh@patientsikkerhed.example"), mail.to());
        assertEquals("Ny alarm: Alvorlig hændelse – Aarhus Universitetshospital, Akutafdelingen", mail.subject());
        assertTrue(mail.text().contains("Hvorfor: Hændelsen fik alvorlig konsekvens for patienten."), mail.text());
        assertTrue(mail.text().contains("Kvittér senest:"), mail.text());
        assertFalse(mail.text().contains("dosis") || mail.text().contains("morfin"), "no free text from the report: " + mail.text());
    }

    @Test
    void theLiveStreamShowsTheCallersAlertsOnlyAndAReconnectionFromLastEventIdMissesNothing() throws Exception {
        try (SseClient auh = SseClient.open(services.service("alerting").url() + "/api/v1/alerts/stream", "rm-auh", null)) {
            String ours = submit(report("SLICE-STREAM-AUH", "SERIOUS", "FATAL"));
            Map<String, Object> elsewhere = new java.util.HashMap<>(report("SLICE-STREAM-GOEDSTRUP", "SERIOUS", "FATAL"));
            elsewhere.put("incidentLocation", "1309021000000");
            String theirs = submit(elsewhere);
            awaitAlertStatus(theirs, "ACTIVE");
            SseClient.Event raised = auh.next(e -> e.data().contains(ours), Duration.ofSeconds(60));
            assertEquals("alert-step", raised.name());
            JsonNode step = JSON.readTree(raised.data());
            assertEquals("RAISED", step.get("step").get("action").asText());
            assertEquals(SeriousIncidentRule.alertId(ours), step.get("alert").get("alertId").asText());
            awaitHistory("regional-team", SeriousIncidentRule.alertId(theirs), 1);
            Thread.sleep(500);
            assertTrue(auh.seen().stream().noneMatch(e -> e.data().contains(theirs)), "another hospital's alert is not on AUH's stream");

            auh.close();
            String alertId = SeriousIncidentRule.alertId(ours);
            assertEquals(200, postJson("rm-auh", "alerting", "/api/v1/alerts/" + alertId + "/acknowledge", "{}").statusCode());
            assertEquals(200, postJson("rm-auh", "alerting", "/api/v1/alerts/" + alertId + "/action-underway", "{}").statusCode());
            try (SseClient again = SseClient.open(services.service("alerting").url() + "/api/v1/alerts/stream", "rm-auh", raised.id())) {
                SseClient.Event first = again.next(e -> true, Duration.ofSeconds(30));
                SseClient.Event second = again.next(e -> true, Duration.ofSeconds(30));
                assertEquals(List.of("ACKNOWLEDGED", "ACTION_UNDERWAY"), List.of(JSON.readTree(first.data()).get("step").get("action").asText(),
                        JSON.readTree(second.data()).get("step").get("action").asText()), "what happened while away, in order");
                assertTrue(Long.parseLong(first.id()) > Long.parseLong(raised.id()) && Long.parseLong(second.id()) > Long.parseLong(first.id()));
                assertTrue(first.data().contains(alertId), first.data());
            }
        }
        HttpResponse<String> bad = get("rm-auh", "alerting", "/api/v1/alerts/stream", Map.of("Last-Event-ID", "yesterday"));
        assertEquals(400, bad.statusCode(), bad.body());
    }

    private static JsonNode awaitHistory(String alertId, int steps) throws Exception {
        return awaitHistory("rm-auh", alertId, steps);
    }

    private static JsonNode awaitHistory(String account, String alertId, int steps) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode detail = JSON.readTree(get(account, "alerting", "/api/v1/alerts/" + alertId).body());
        while (detail.path("history").size() < steps) {
            assertTrue(Instant.now().isBefore(deadline), "no " + steps + " steps: " + detail);
            Thread.sleep(200);
            detail = JSON.readTree(get(account, "alerting", "/api/v1/alerts/" + alertId).body());
        }
        return detail;
    }

    @Test
    void theListIsPagedByACursorInTheLinkHeaderNewestFirstWithoutGapsOrRepeats() throws Exception {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> report = new java.util.HashMap<>(report("SLICE-PAGE-" + i, "SERIOUS", "FATAL"));
            report.put("incidentLocation", PAGED_UNIT);
            awaitAlertStatus(submit(report), "ACTIVE");
        }
        // A department of its own, so no other test's alerts come or go while the pages are read; serious incidents only,
        // since the three also make a cluster, whose alert may come at any moment.
        List<String> whole = new java.util.ArrayList<>();
        JSON.readTree(get("alerting", "/api/v1/alerts?limit=500&kind=SERIOUS_INCIDENT&unit=" + PAGED_UNIT).body())
                .forEach(a -> whole.add(a.get("alertId").asText()));
        assertTrue(whole.size() >= 3, whole.toString());

        List<String> paged = new java.util.ArrayList<>();
        String next = "/api/v1/alerts?limit=2&kind=SERIOUS_INCIDENT&unit=" + PAGED_UNIT;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get("alerting", next);
            assertEquals(200, page.statusCode(), page.body());
            JSON.readTree(page.body()).forEach(a -> paged.add(a.get("alertId").asText()));
            next = page.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
            assertTrue(++pages <= whole.size(), "the pages end");
        }
        assertEquals(whole, paged, "the pages together are the list, in its order");

        assertEquals(400, get("alerting", "/api/v1/alerts?limit=0").statusCode());
        assertEquals(400, get("alerting", "/api/v1/alerts?limit=501").statusCode());
        HttpResponse<String> forged = get("alerting", "/api/v1/alerts?after=not-a-cursor");
        assertEquals(400, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("\"after\""), forged.body());
    }

    private static String followUp(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("followUp").asText();
    }

    @Test
    void anInvalidReportIsRejectedWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> response = postReport(report("SLICE-BAD", "DEADLY", "MINOR"));
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("actualConsequence", JSON.readTree(response.body()).get("errors").get(0).get("field").asText());
    }

    @Test
    void malformedJsonIsRejectedWithAProblemThatDoesNotEchoTheBody() throws Exception {
        HttpResponse<String> response = postJson("intake", "/api/v1/incidents", "{\"headline\": \"0101901234 faldt");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(400, JSON.readTree(response.body()).get("status").asInt());
        assertFalse(response.body().contains("0101901234"), response.body());
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new java.util.HashSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static JsonNode awaitAlertStatus(String reportId, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode alerts = JSON.readTree(get("alerting", "/api/v1/alerts").body());
            for (JsonNode alert : alerts) {
                if (reportId.equals(alert.path("reportId").asText()) && status.equals(alert.path("status").asText())) {
                    return alert;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + status + " alert for " + reportId + ": " + alerts);
            }
            Thread.sleep(200);
        }
    }

    /** A department no other test reports from, so its cluster (and its incidents) are this test's own. */
    private static final String RANDERS_MEDICAL = "1309032000000";
    /** Another department no other test reports from, for the paging test. */
    private static final String PAGED_UNIT = "1309015000000";

    private static Map<String, Object> report(String sourceId, String actual, String possible) {
        return Map.of(
                "source", "slice-test",
                "sourceId", sourceId + "-" + Instant.now().toEpochMilli(),
                "headline", "Forkert dosis givet",
                "description", "Patienten fik dobbelt dosis morfin.",
                "eventDate", "2026-11-20",
                "eventTime", "08:30",
                "incidentLocation", "1309011000000",
                "actualConsequence", actual,
                "possibleConsequence", possible,
                "reporterType", "HEALTH_PROFESSIONAL");
    }

    /** Waits until the alerting stream has committed past both classified records, so a missing alert is final. */
    private static void awaitAlertingPast(List<ConsumerRecord<String, IncidentClassified>> classified) throws Exception {
        Map<TopicPartition, Long> needed = classified.stream().collect(Collectors.toMap(
                r -> new TopicPartition(r.topic(), r.partition()), ConsumerRecord::offset, Math::max));
        try (Admin admin = Admin.create(TestKafka.config(kafka))) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(AlertingTopology.APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get();
                boolean past = needed.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() > e.getValue());
                if (past) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Alerting did not process the classified incidents: " + committed);
                }
                Thread.sleep(200);
            }
        }
    }

    private static JsonNode awaitListedAlert(String reportId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = get("alerting", "/api/v1/alerts");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode alerts = JSON.readTree(response.body());
            if (count(alerts, reportId) > 0 || Instant.now().isAfter(deadline)) {
                return alerts;
            }
            Thread.sleep(200);
        }
    }

    private static long count(JsonNode alerts, String reportId) {
        int n = 0;
        for (JsonNode alert : alerts) {
            n += reportId.equals(alert.path("reportId").asText()) ? 1 : 0;
        }
        return n;
    }

    private static IncidentClassified latest(List<ConsumerRecord<String, IncidentClassified>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).reduce((a, b) -> b).orElseThrow().value();
    }
}
