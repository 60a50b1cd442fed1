package dk.rm.patientsafety.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A stand-in for intake's batch endpoint: records every request and answers per the contract, with a report
 * validator, a batch-size limit (413) and scripted failures the test sets.
 */
final class FakeIntake implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Request(String contentType, String pathHeader, List<JsonNode> reports, String body, String authorization) {
    }

    /** A scripted whole-request answer. */
    record Scripted(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private volatile int maxBatchSize = Integer.MAX_VALUE;
    private volatile Function<JsonNode, List<FieldError>> validator = report -> List.of();
    private volatile boolean shuffleResults;

    FakeIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(IntakeClient.BATCH_PATH, this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeIntake maxBatchSize(int max) {
        this.maxBatchSize = max;
        return this;
    }

    FakeIntake validator(Function<JsonNode, List<FieldError>> validator) {
        this.validator = validator;
        return this;
    }

    /** Answers the results in reverse order (each still carrying its index). */
    FakeIntake shuffleResults() {
        this.shuffleResults = true;
        return this;
    }

    /** The next request gets this answer instead of a batch result. */
    FakeIntake thenAnswer(int status, String contentType, String body) {
        synchronized (scripted) {
            scripted.add(new Scripted(status, contentType, body));
        }
        return this;
    }

    FakeIntake thenProblem(int status, String title, String detail) {
        return thenAnswer(status, "application/problem+json", problem(status, title, detail));
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"https://patientsafety.rm.dk/problems/x\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":[]}";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every report received, in order, across requests (including refused ones). */
    List<JsonNode> reportsReceived() {
        return requests().stream().flatMap(r -> r.reports().stream()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<JsonNode> reports = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    reports.add(JSON.readTree(line));
                }
            }
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst(IntakeClient.PATH_HEADER), reports, body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Scripted next;
            synchronized (scripted) {
                next = scripted.poll();
            }
            if (next != null) {
                respond(exchange, next.status(), next.contentType(), next.body());
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "");
            } else if (reports.size() > maxBatchSize) {
                respond(exchange, 413, "application/problem+json",
                        problem(413, "Batch too large", reports.size() + " reports; at most " + maxBatchSize + " per request"));
            } else {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(results(reports)));
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("fake intake failed", e));
        }
    }

    private ObjectNode results(List<JsonNode> reports) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        int accepted = 0;
        for (int i = 0; i < reports.size(); i++) {
            ObjectNode result = JSON.createObjectNode().put("index", i);
            List<FieldError> errors = validator.apply(reports.get(i));
            if (errors.isEmpty()) {
                accepted++;
                String id = reports.get(i).path("source").asText() + ":" + reports.get(i).path("sourceId").asText();
                result.put("status", "ACCEPTED").put("reportId", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
            } else {
                result.put("status", "REJECTED").set("errors", JSON.valueToTree(errors));
            }
            results.add(result);
        }
        if (shuffleResults) {
            List<JsonNode> reversed = new ArrayList<>();
            results.forEach(reversed::add);
            Collections.reverse(reversed);
            results = JSON.createArrayNode().addAll(reversed);
        }
        return answer.put("received", reports.size()).put("accepted", accepted).put("rejected", reports.size() - accepted)
                .set("results", results);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
