package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.topics.KafkaLogin;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the ITs that run the platform's services on the test kit's real broker, registry and PostgreSQL: starts them
 * once per test class and speaks to them as a client would, over HTTP and Kafka.
 */
abstract class PlatformIT {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static PlatformServices services;
    static SchemaRegistryClient registry;
    static KafkaLogin kafka;

    @BeforeAll
    static void startPlatform() {
        kafka = TestKafka.admin();
        services = TestPlatform.start(dataDir);
        registry = TestSchemaRegistry.client();
    }

    @AfterAll
    static void stopPlatform() {
        services.close();
    }

    /**
     * The demo account a test posts to a service as, unless it names one: a reporter submits, the regional team
     * (every unit) overrides; reads go out as the regional team.
     */
    static String defaultAccount(String service) {
        return service.equals("intake") ? "reporter" : "regional-team";
    }

    static HttpResponse<String> get(String service, String path) throws Exception {
        return get("regional-team", service, path);
    }

    static HttpResponse<String> get(String account, String service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.service(service).url() + path))
                        .header("Authorization", TestIdentityProvider.bearer(account)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String account, String service, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.service(service).url() + path))
                .header("Authorization", TestIdentityProvider.bearer(account)).timeout(java.time.Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String service, String path, String json) throws Exception {
        return postJson(defaultAccount(service), service, path, json);
    }

    static HttpResponse<String> postJson(String account, String service, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.service(service).url() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIdentityProvider.bearer(account))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postReport(Map<String, Object> report) throws Exception {
        return postJson("intake", "/api/v1/incidents", JSON.writeValueAsString(report));
    }

    /** Submits a report that must be accepted, and returns its report id. */
    static String submit(Map<String, Object> report) throws Exception {
        HttpResponse<String> response = postReport(report);
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    static HttpResponse<String> postOverride(String reportId, Map<String, Object> body) throws Exception {
        return postJson("classifier", "/api/v1/incidents/" + reportId + "/classification", JSON.writeValueAsString(body));
    }

    /** The first alert of an API answer whose field has the value. */
    static java.util.Optional<com.fasterxml.jackson.databind.JsonNode> alert(com.fasterxml.jackson.databind.JsonNode alerts,
                                                                              String field, String value) {
        for (com.fasterxml.jackson.databind.JsonNode alert : alerts) {
            if (value.equals(alert.path(field).asText())) {
                return java.util.Optional.of(alert);
            }
        }
        return java.util.Optional.empty();
    }

    static <K, V> Set<K> keys(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
