package dk.rm.patientsafety.bulkimport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.rm.patientsafety.oauth.AccessTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends batches of reports to intake's batch endpoint, {@code POST /api/v1/incidents/batch} with one JSON report
 * per line ({@code application/x-ndjson}), and reads the per-report results. A lost connection, a time-out, a 5xx,
 * 408 or 429 answer is retried: every report carries its source id, so intake treats a resent report as the same report.
 */
public final class IntakeClient {

    public static final String BATCH_PATH = "/api/v1/incidents/batch";
    static final String NDJSON = "application/x-ndjson";
    /** Tells intake to count these reports as the bulk-import path. */
    static final String PATH_HEADER = "X-Intake-Path";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One report's result; {@code errors} is null or empty for an accepted report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemResult(Integer index, String status, String reportId, List<FieldError> errors) {
        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }
    }

    /** Intake's answer to a batch, its results in request order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchResponse(int received, int accepted, int rejected, List<ItemResult> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, Integer status, String detail, List<FieldError> errors) {
    }

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Consumer<String> notes;
    private final AccessTokens tokens;

    /**
     * @param intake  intake's base URL (http://host:8080); a URL that already ends in {@value #BATCH_PATH} is used as is
     * @param retries how often a failed request is sent again
     * @param backoff the wait before the first retry, doubled before each further one
     * @param notes   where retries are announced
     * @param tokens  the bearer tokens intake is sent; a refused one (401) is renewed once per request
     */
    public IntakeClient(URI intake, Duration timeout, int retries, Duration backoff, Consumer<String> notes, AccessTokens tokens) {
        this(intake, BATCH_PATH, timeout, retries, backoff, notes, tokens);
    }

    /** @param path the endpoint under intake's base URL, e.g. {@value #BATCH_PATH} */
    public IntakeClient(URI intake, String path, Duration timeout, int retries, Duration backoff, Consumer<String> notes,
                        AccessTokens tokens) {
        this.endpoint = endpoint(intake, path);
        this.tokens = java.util.Objects.requireNonNull(tokens, "tokens");
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
        this.notes = notes;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static URI endpoint(URI intake) {
        return endpoint(intake, BATCH_PATH);
    }

    static URI endpoint(URI intake, String path) {
        String base = intake.toString();
        if (base.endsWith(path)) {
            return intake;
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Sends the reports (each a one-line JSON object) and returns one result per report, in their order. */
    public List<ItemResult> send(List<String> reports) throws IntakeException {
        String body = String.join("\n", reports) + "\n";
        Duration wait = backoff;
        boolean renewed = false;
        for (int attempt = 0; ; attempt++) {
            IntakeException failure;
            try {
                HttpResponse<String> response = http.send(request(body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() / 100 == 2) {
                    return results(response.body(), reports.size());
                }
                failure = refused(response);
                if (response.statusCode() == 401 && !renewed) {
                    // The token expired or was revoked on the way: one fresh one, then the 401 stands.
                    tokens.refused();
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (!retriable(response.statusCode())) {
                    throw failure;
                }
            } catch (IOException e) {
                failure = new IntakeException(0, "Cannot reach intake at " + endpoint + " (" + describe(e) + ")", List.of(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IntakeException(0, "Interrupted while waiting for intake", List.of(), e);
            }
            if (attempt >= retries) {
                throw failure;
            }
            notes.accept(failure.getMessage() + "; retrying in " + wait.toMillis() + " ms (" + (attempt + 1) + " of " + retries + ")");
            sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private HttpRequest request(String body) throws IntakeException {
        String token;
        try {
            token = tokens.current();
        } catch (IllegalStateException e) {
            throw new IntakeException(0, "Cannot sign in to send to intake: " + e.getMessage(), List.of(), e);
        }
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", NDJSON)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .header(PATH_HEADER, "bulk-import")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** Server errors, and 408/429: the same request may well succeed a little later. */
    private static boolean retriable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private List<ItemResult> results(String body, int sent) throws IntakeException {
        BatchResponse response;
        try {
            response = JSON.readValue(body, BatchResponse.class);
        } catch (JsonProcessingException e) {
            throw new IntakeException(200, "Intake's answer is not a batch result (unreadable JSON)", List.of(), e);
        }
        List<ItemResult> results = response.results() == null ? List.of() : response.results();
        if (results.size() != sent) {
            throw new IntakeException(200, "Intake answered " + results.size() + " results for " + sent + " reports", List.of(), null);
        }
        ItemResult[] ordered = new ItemResult[sent];
        for (int position = 0; position < sent; position++) {
            ItemResult result = results.get(position);
            int index = result.index() == null ? position : result.index();
            if (index < 0 || index >= sent || ordered[index] != null) {
                throw new IntakeException(200, "Intake's results do not match the reports sent (index " + index
                        + " in a batch of " + sent + ")", List.of(), null);
            }
            ordered[index] = result;
        }
        return List.of(ordered);
    }

    private static IntakeException refused(HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Problem problem = null;
        if (contentType.contains("json")) {
            try {
                problem = JSON.readValue(response.body(), Problem.class);
            } catch (JsonProcessingException e) {
                // described by its status alone
            }
        }
        StringBuilder message = new StringBuilder("Intake answered HTTP ").append(status);
        List<FieldError> errors = List.of();
        if (problem != null) {
            if (problem.title() != null) {
                message.append(" ").append(problem.title());
            }
            if (problem.detail() != null) {
                message.append(": ").append(problem.detail());
            }
            if (problem.errors() != null && !problem.errors().isEmpty()) {
                errors = problem.errors();
                message.append(" [");
                errors.forEach(e -> message.append(e.field()).append(" ").append(e.message()).append("; "));
                message.setLength(message.length() - 2);
                message.append("]");
            }
        }
        return new IntakeException(status, message.toString(), errors, null);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void sleep(Duration wait) throws IntakeException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeException(0, "Interrupted while waiting to retry", List.of(), e);
        }
    }
}
