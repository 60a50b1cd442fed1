package dk.rm.patientsafety.bulkimport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeClientTest {

    private FakeIntake intake;
    private final List<String> notes = new ArrayList<>();
    /** Hands out token-1, token-2 ...: a new one after each refusal. */
    private final dk.rm.patientsafety.oauth.AccessTokens tokens = new dk.rm.patientsafety.oauth.AccessTokens() {
        private int issued = 1;

        @Override
        public String current() {
            return "token-" + issued;
        }

        @Override
        public void refused() {
            issued++;
        }
    };

    @BeforeEach
    void start() throws IOException {
        intake = new FakeIntake();
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    private IntakeClient client(int retries) {
        return new IntakeClient(intake.uri(), Duration.ofSeconds(10), retries, Duration.ofMillis(1), notes::add, tokens);
    }

    private static List<String> reports(String... sourceIds) {
        return java.util.Arrays.stream(sourceIds)
                .map(id -> "{\"source\":\"t\",\"sourceId\":\"" + id + "\",\"headline\":\"Fald på gangen\"}").toList();
    }

    @Test
    void sendsItsBearerTokenAndRenewsARefusedOneOnce() throws Exception {
        intake.thenProblem(401, "Sign-in required", "expired");
        assertEquals(1, client(0).send(reports("R-1")).size(), "a refused token is renewed, even with no retries left");
        assertEquals(List.of("Bearer token-1", "Bearer token-2"), intake.requests().stream().map(FakeIntake.Request::authorization).toList());

        intake.thenProblem(401, "Sign-in required", "expired").thenProblem(401, "Sign-in required", "unknown client");
        IntakeException e = assertThrows(IntakeException.class, () -> client(3).send(reports("R-2")));
        assertEquals(401, e.status(), "a second refusal stands: retrying cannot help");
        assertEquals(4, intake.requests().size());
    }

    @Test
    void postsNdjsonOneReportPerLineAndReadsEachResult() throws Exception {
        intake.validator(report -> report.path("sourceId").asText().equals("R-2")
                ? List.of(new FieldError("eventDate", "lies in the future")) : List.of());

        List<IntakeClient.ItemResult> results = client(0).send(reports("R-1", "R-2", "R-3"));

        FakeIntake.Request request = intake.requests().get(0);
        assertEquals("application/x-ndjson", request.contentType());
        assertEquals("bulk-import", request.pathHeader());
        assertEquals(3, request.body().split("\n").length);
        assertTrue(request.body().contains("Fald på gangen"), "UTF-8 on the wire");
        assertEquals(List.of(true, false, true), results.stream().map(IntakeClient.ItemResult::accepted).toList());
        assertEquals(List.of(new FieldError("eventDate", "lies in the future")), results.get(1).errors());
        assertEquals(36, results.get(0).reportId().length());
    }

    @Test
    void resultsArePlacedByTheirIndex() throws Exception {
        intake.shuffleResults().validator(report -> report.path("sourceId").asText().equals("R-1")
                ? List.of(new FieldError("x", "y")) : List.of());

        List<IntakeClient.ItemResult> results = client(0).send(reports("R-1", "R-2", "R-3"));

        assertEquals(List.of(0, 1, 2), results.stream().map(IntakeClient.ItemResult::index).toList());
        assertFalse(results.get(0).accepted());
    }

    @Test
    void aResultCountThatDoesNotMatchIsAnError() {
        intake.thenAnswer(200, "application/json", "{\"received\":1,\"accepted\":1,\"rejected\":0,"
                + "\"results\":[{\"index\":0,\"status\":\"ACCEPTED\",\"reportId\":\"a\"}]}");

        IntakeException e = assertThrows(IntakeException.class, () -> client(0).send(reports("R-1", "R-2")));

        assertEquals("Intake answered 1 results for 2 reports", e.getMessage());
    }

    @Test
    void aDuplicateIndexIsAnError() {
        intake.thenAnswer(200, "application/json", "{\"results\":[{\"index\":0,\"status\":\"ACCEPTED\"},{\"index\":0,\"status\":\"ACCEPTED\"}]}");

        assertThrows(IntakeException.class, () -> client(0).send(reports("R-1", "R-2")));
    }

    @Test
    void anUnreadableAnswerIsAnError() {
        intake.thenAnswer(200, "text/html", "<html>proxy</html>");

        IntakeException e = assertThrows(IntakeException.class, () -> client(0).send(reports("R-1")));

        assertTrue(e.getMessage().contains("not a batch result"), e.getMessage());
    }

    @Test
    void a413IsReportedAsBatchTooLargeWithIntakesDetail() {
        intake.maxBatchSize(2);

        IntakeException e = assertThrows(IntakeException.class, () -> client(3).send(reports("R-1", "R-2", "R-3")));

        assertTrue(e.batchTooLarge());
        assertEquals("Intake answered HTTP 413 Batch too large: 3 reports; at most 2 per request", e.getMessage());
        assertEquals(1, intake.requests().size(), "a 413 is not retried as it is");
    }

    @Test
    void aWholeRequestProblemIsNotRetriedAndNamesItsFields() {
        intake.thenAnswer(400, "application/problem+json", "{\"type\":\"t\",\"title\":\"Unreadable request body\",\"status\":400,"
                + "\"detail\":\"Line 2 is not valid JSON\",\"errors\":[{\"field\":\"x\",\"message\":\"is bad\"}]}");

        IntakeException e = assertThrows(IntakeException.class, () -> client(3).send(reports("R-1")));

        assertEquals(400, e.status());
        assertEquals("Intake answered HTTP 400 Unreadable request body: Line 2 is not valid JSON [x is bad]", e.getMessage());
        assertEquals(List.of(new FieldError("x", "is bad")), e.errors());
        assertEquals(1, intake.requests().size());
    }

    @Test
    void serverErrorsAreRetriedBecauseResendingIsIdempotent() throws Exception {
        intake.thenProblem(503, "Service Unavailable", "Kafka is not reachable").thenAnswer(502, "text/plain", "bad gateway");

        List<IntakeClient.ItemResult> results = client(3).send(reports("R-1"));

        assertTrue(results.get(0).accepted());
        assertEquals(3, intake.requests().size());
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).startsWith("Intake answered HTTP 503 Service Unavailable: Kafka is not reachable; retrying in 1 ms (1 of 3)"),
                notes.get(0));
        assertTrue(notes.get(1).contains("retrying in 2 ms (2 of 3)"), notes.get(1));
    }

    @Test
    void serverErrorsBeyondTheRetriesFail() {
        intake.thenProblem(500, "Internal Server Error", "boom").thenProblem(500, "Internal Server Error", "boom");

        IntakeException e = assertThrows(IntakeException.class, () -> client(1).send(reports("R-1")));

        assertEquals(500, e.status());
        assertEquals(2, intake.requests().size());
    }

    @Test
    void anUnreachableIntakeFailsAfterTheRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        IntakeClient client = new IntakeClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5), 1, Duration.ofMillis(1), notes::add, tokens);

        IntakeException e = assertThrows(IntakeException.class, () -> client.send(reports("R-1")));

        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Cannot reach intake at http://127.0.0.1:" + port + "/api/v1/incidents/batch"), e.getMessage());
        assertEquals(1, notes.size());
    }

    @Test
    void theEndpointIsFoundFromTheBaseUrl() {
        assertEquals(URI.create("http://localhost:8080/api/v1/incidents/batch"), IntakeClient.endpoint(URI.create("http://localhost:8080")));
        assertEquals(URI.create("http://localhost:8080/api/v1/incidents/batch"), IntakeClient.endpoint(URI.create("http://localhost:8080/")));
        assertEquals(URI.create("https://intake.rm.dk/uth/api/v1/incidents/batch"), IntakeClient.endpoint(URI.create("https://intake.rm.dk/uth")));
        assertEquals(URI.create("http://h/api/v1/incidents/batch"), IntakeClient.endpoint(URI.create("http://h/api/v1/incidents/batch")));
    }
}
