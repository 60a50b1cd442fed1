package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions to learning feeds on the running learning service and real PostgreSQL, with tokens from the real OIDC
 * server: each caller reaches its own only, names only units it covers, and a partner gets cross-sector aggregates only.
 */
class LearningSubscriptionsIT extends PlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUH_HOSPITAL = "1309010000000";
    private static final String AUH_DEPARTMENT = "1309011000000";
    private static final String GOEDSTRUP_HOSPITAL = "1309020000000";
    private static final String AARHUS_KOMMUNE = "7510000000000";
    private static final String PATH = "/api/v1/subscriptions";

    @Test
    void aRiskManagerCreatesListsChangesPausesResumesAndDeletesItsOwnSubscription() throws Exception {
        HttpResponse<String> created = send("rm-auh", "POST", PATH, Map.of("name", "Medicin på AUH", "units", List.of(AUH_HOSPITAL),
                "incidentTypes", List.of("MEDICATION"), "minimumSeverity", "SERIOUS_PATIENT_SAFETY_RISK", "cadence", "WEEKLY",
                "channel", "EMAIL", "target", "kvalitet@auh.example"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode subscription = JSON.readTree(created.body());
        String id = subscription.get("subscriptionId").asText();
        assertEquals(PATH + "/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("STAFF", subscription.get("audience").asText());
        assertEquals(List.of(AUH_HOSPITAL), texts(subscription.get("units")));
        assertEquals(List.of("MEDICATION"), texts(subscription.get("incidentTypes")));
        assertFalse(subscription.get("crossSectorOnly").asBoolean());
        assertFalse(subscription.get("paused").asBoolean());
        assertEquals(1, subscription.get("revision").asInt());

        assertTrue(ids(send("rm-auh", "GET", PATH, null)).contains(id));
        assertEquals(id, JSON.readTree(send("rm-auh", "GET", PATH + "/" + id, null).body()).get("subscriptionId").asText());

        Map<String, Object> monthly = new LinkedHashMap<>(Map.of("units", List.of(AUH_DEPARTMENT), "cadence", "MONTHLY", "channel", "WEB_PAGE",
                "revision", 1));
        HttpResponse<String> changed = send("rm-auh", "PUT", PATH + "/" + id, monthly);
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode after = JSON.readTree(changed.body());
        assertEquals("MONTHLY", after.get("cadence").asText());
        assertEquals(List.of(), texts(after.get("incidentTypes")), "a change replaces every term: no types is every type");
        assertTrue(after.get("target").isNull());
        assertEquals(2, after.get("revision").asInt());
        HttpResponse<String> stale = send("rm-auh", "PUT", PATH + "/" + id, monthly);
        assertEquals(409, stale.statusCode(), "a change made against revision 1 after it moved on");
        assertProblem(stale);

        assertTrue(JSON.readTree(send("rm-auh", "POST", PATH + "/" + id + "/pause", null).body()).get("paused").asBoolean());
        JsonNode pausedAgain = JSON.readTree(send("rm-auh", "POST", PATH + "/" + id + "/pause", null).body());
        assertEquals(3, pausedAgain.get("revision").asInt(), "pausing a paused subscription changes nothing");
        assertFalse(JSON.readTree(send("rm-auh", "POST", PATH + "/" + id + "/resume", null).body()).get("paused").asBoolean());

        assertEquals(204, send("rm-auh", "DELETE", PATH + "/" + id, null).statusCode());
        assertEquals(404, send("rm-auh", "GET", PATH + "/" + id, null).statusCode());
        assertEquals(404, send("rm-auh", "DELETE", PATH + "/" + id, null).statusCode());
        assertFalse(ids(send("rm-auh", "GET", PATH, null)).contains(id));
    }

    @Test
    void everyRevisionReachesTheSubscriptionsTopicAndADeletionLeavesATombstone() throws Exception {
        String id = JSON.readTree(send("rm-auh", "POST", PATH, Map.of("units", List.of(AUH_HOSPITAL), "incidentTypes", List.of("MEDICATION"),
                "cadence", "WEEKLY", "channel", "EMAIL", "target", "kvalitet@auh.example")).body()).get("subscriptionId").asText();
        assertEquals(200, send("rm-auh", "POST", PATH + "/" + id + "/pause", null).statusCode());
        assertEquals(204, send("rm-auh", "DELETE", PATH + "/" + id, null).statusCode());
        List<ConsumerRecord<String, LearningSubscription>> records = TopicRecords.readUntil(kafka, Topics.LEARNING_SUBSCRIPTIONS, registry,
                read -> read.stream().anyMatch(r -> r.key().equals(id) && r.value() == null), Duration.ofSeconds(30));
        List<ConsumerRecord<String, LearningSubscription>> mine = records.stream().filter(r -> r.key().equals(id)).toList();
        LearningSubscription first = mine.get(0).value();
        assertEquals(1, first.getRevision(), "the first record is the created subscription (the relay may skip none before it)");
        assertEquals(List.of(AUH_HOSPITAL), first.getUnits());
        assertEquals(List.of(dk.rm.patientsafety.events.IncidentType.MEDICATION), first.getIncidentTypes());
        assertEquals("kvalitet@auh.example", first.getTarget());
        assertFalse(first.toString().contains("rm-auh"), "who made it stays in the database: " + first);
        List<Integer> revisions = mine.stream().filter(r -> r.value() != null).map(r -> r.value().getRevision()).toList();
        assertEquals(revisions.stream().sorted().distinct().toList(), revisions, "revisions in order, none twice");
        assertTrue(mine.get(mine.size() - 1).value() == null, "the deletion is the last word");
    }

    @Test
    void noOtherCallerSeesOrChangesASubscriptionNotEvenTheRegionalTeam() throws Exception {
        String id = JSON.readTree(send("rm-auh", "POST", PATH, Map.of("units", List.of(AUH_HOSPITAL), "cadence", "WEEKLY",
                "channel", "WEB_PAGE")).body()).get("subscriptionId").asText();
        for (String other : List.of("rm-goedstrup", "regional-team", "partner-aarhus")) {
            assertFalse(ids(send(other, "GET", PATH, null)).contains(id), other + " lists it");
            for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"POST", "/pause"}, new String[] {"POST", "/resume"},
                    new String[] {"DELETE", ""})) {
                HttpResponse<String> answer = send(other, call[0], PATH + "/" + id + call[1], null);
                assertEquals(404, answer.statusCode(), other + " " + call[0] + " " + call[1]);
                assertProblem(answer);
            }
            Map<String, Object> takeOver = Map.of("units", List.of(AUH_HOSPITAL), "cadence", "MONTHLY", "channel", "WEB_PAGE");
            assertEquals(404, send(other, "PUT", PATH + "/" + id, takeOver).statusCode(), other + " PUT");
        }
        JsonNode untouched = JSON.readTree(send("rm-auh", "GET", PATH + "/" + id, null).body());
        assertEquals("WEEKLY", untouched.get("cadence").asText());
        assertEquals(1, untouched.get("revision").asInt());
    }

    @Test
    void aSubscriptionNamesOnlyUnitsTheRegisterKnowsAndTheCallerCovers() throws Exception {
        HttpResponse<String> notHers = send("rm-goedstrup", "POST", PATH, Map.of("units", List.of(GOEDSTRUP_HOSPITAL, AUH_DEPARTMENT),
                "cadence", "WEEKLY", "channel", "WEB_PAGE"));
        assertEquals(400, notHers.statusCode());
        assertEquals(List.of("units[1]"), fields(notHers));
        HttpResponse<String> unknown = send("rm-auh", "POST", PATH, Map.of("units", List.of("1309999999999"), "cadence", "WEEKLY",
                "channel", "WEB_PAGE"));
        assertEquals(List.of("units[0]"), fields(unknown));
        HttpResponse<String> region = send("regional-team", "POST", PATH, Map.of("units", List.of(AUH_DEPARTMENT, GOEDSTRUP_HOSPITAL),
                "cadence", "MONTHLY", "channel", "KAFKA"));
        assertEquals(201, region.statusCode(), "the regional team covers every unit: " + region.body());
    }

    @Test
    void aPartnerSubscribesToCrossSectorIncidentsOfItsOwnUnitsOnly() throws Exception {
        assertEquals(List.of("target"), fields(send("partner-aarhus", "POST", PATH, Map.of("units", List.of(AARHUS_KOMMUNE),
                "cadence", "MONTHLY", "channel", "WEBHOOK", "target", "test-receiver"))), "the region's webhook does not receive Aarhus's feeds");
        HttpResponse<String> own = send("partner-aarhus", "POST", PATH, Map.of("units", List.of(AARHUS_KOMMUNE), "cadence", "MONTHLY",
                "channel", "WEBHOOK", "target", "aarhus-kommune"));
        assertEquals(201, own.statusCode(), own.body());
        JsonNode subscription = JSON.readTree(own.body());
        assertEquals("PARTNER", subscription.get("audience").asText());
        assertTrue(subscription.get("crossSectorOnly").asBoolean(), "a partner's subscription is cross-sector only, asked or not");

        assertEquals(List.of("crossSectorOnly"), fields(send("partner-aarhus", "POST", PATH, Map.of("units", List.of(AARHUS_KOMMUNE),
                "crossSectorOnly", false, "cadence", "MONTHLY", "channel", "WEB_PAGE"))));
        assertEquals(List.of("units[0]"), fields(send("partner-aarhus", "POST", PATH, Map.of("units", List.of(AUH_DEPARTMENT),
                "cadence", "MONTHLY", "channel", "WEB_PAGE"))));
    }

    @Test
    void aPartnerHasOneFeedThatNoSecondSubscriptionCanBeSubtractedFrom() throws Exception {
        Map<String, Object> feed = Map.of("units", List.of(AARHUS_KOMMUNE), "cadence", "MONTHLY", "channel", "WEB_PAGE");
        for (Map.Entry<String, Object> narrower : List.of(Map.entry("units", (Object) List.of("7511000000000")),
                Map.entry("incidentTypes", (Object) List.of("MEDICATION")), Map.entry("minimumSeverity", (Object) "MINOR_CONSEQUENCE"),
                Map.entry("cadence", (Object) "WEEKLY"), Map.entry("channel", (Object) "KAFKA"))) {
            Map<String, Object> terms = new LinkedHashMap<>(feed);
            terms.put(narrower.getKey(), narrower.getValue());
            assertEquals(List.of(narrower.getKey()), fields(send("partner-aarhus", "POST", PATH, terms)), narrower.toString());
        }
        assertEquals(201, send("partner-aarhus", "POST", PATH, feed).statusCode());
    }

    @Test
    void badTermsAreProblemsThatNameEachFieldWithoutEchoingIt() throws Exception {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("units", "1309010000000");
        bad.put("cadence", "DAILY");
        bad.put("minimumSeverity", "<script>");
        bad.put("incidentTypes", List.of("MEDICATION", "GOSSIP"));
        bad.put("owner", "rm-goedstrup");
        bad.put("name", "line\u0000break");
        HttpResponse<String> problem = send("rm-auh", "POST", PATH, bad);
        assertEquals(400, problem.statusCode());
        assertProblem(problem);
        assertEquals(List.of("cadence", "channel", "incidentTypes", "minimumSeverity", "name", "owner", "units"),
                fields(problem).stream().sorted().toList());
        assertFalse(problem.body().contains("<script>") || problem.body().contains("GOSSIP"), problem.body());

        Map<String, Object> mail = Map.of("units", List.of(AUH_HOSPITAL), "cadence", "WEEKLY", "channel", "EMAIL");
        assertEquals(List.of("target"), fields(send("rm-auh", "POST", PATH, mail)), "an e-mail subscription needs its address");
        Map<String, Object> displayName = new LinkedHashMap<>(mail);
        displayName.put("target", "Eve <eve@evil.example>\r\nBcc: all@auh.example");
        assertEquals(List.of("target"), fields(send("rm-auh", "POST", PATH, displayName)));
        assertEquals(List.of("target"), fields(send("rm-auh", "POST", PATH, Map.of("units", List.of(AUH_HOSPITAL), "cadence", "WEEKLY",
                "channel", "WEBHOOK", "target", "https://evil.example/hook"))), "a webhook is one the operator configured, by name");
        assertEquals(List.of("target"), fields(send("rm-auh", "POST", PATH, Map.of("units", List.of(AUH_HOSPITAL), "cadence", "WEEKLY",
                "channel", "WEB_PAGE", "target", "kvalitet@auh.example"))));

        HttpResponse<String> notJson = HTTP.send(request("rm-auh", PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"units\": [")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notJson.statusCode());
        assertProblem(notJson);
        assertEquals(List.of("status"), fields(send("rm-auh", "GET", PATH + "?status=paused", null)));
        assertEquals(404, send("rm-auh", "GET", PATH + "/..%2F..%2Fetc", null).statusCode());
    }

    private static HttpResponse<String> send(String account, String method, String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = request(account, path);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String account, String path) {
        return HttpRequest.newBuilder(URI.create(services.service("learning").url() + path))
                .header("Authorization", TestIdentityProvider.bearer(account)).header("Accept", "application/json, application/problem+json");
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static List<String> ids(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).get("subscriptions").forEach(s -> ids.add(s.get("subscriptionId").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
