package dk.rm.patientsafety.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.oauth.AccessTokens;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to a Confluent-compatible schema registry over its REST API; works against Confluent's registry and ours. With
 * tokens, every call carries a bearer token (our registry wants one: any signed-in caller reads, the platform's
 * services and registry administrators write); a {@code 401} renews the token once and tries again.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration timeout;
    private final AccessTokens tokens;

    /** A client that sends no token: for a registry that checks none. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10), null);
    }

    public RestSchemaRegistryClient(String baseUrl, AccessTokens tokens) {
        this(baseUrl, Duration.ofSeconds(10), tokens);
    }

    public RestSchemaRegistryClient(String baseUrl, Duration timeout, AccessTokens tokens) {
        this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        return send("POST", "subjects/" + encode(subject), schemaBody(schema)).get("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        return new Schema.Parser().parse(send("GET", "schemas/ids/" + id, null).get("schema").asText());
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        send("PUT", "config/" + encode(subject), body);
    }

    @Override
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        try {
            return send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .get("is_compatible").asBoolean();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                return true; // no versions yet: anything is compatible with nothing
            }
            throw e;
        }
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && tokens != null) {
                tokens.refused(); // expired or revoked meanwhile: one fresh token, one more try
                response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            }
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new SchemaRegistryException(response.statusCode(),
                        json.path("error_code").asInt(response.statusCode()), json.path("message").asText(""));
            }
            return json;
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + baseUri.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + baseUri.resolve(path) + " interrupted", e);
        }
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE)
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (tokens != null) {
            request.header("Authorization", "Bearer " + tokens.current());
        }
        return request.build();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
