package dk.rm.patientsafety.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for the registry's REST API, so tests see exactly what goes over the wire. */
final class RegistryHttp {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, content type and parsed JSON body. */
    record Response(int status, String contentType, JsonNode json) {

        int errorCode() {
            return json.path("error_code").asInt(-1);
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    /** Signed in as the registry's administrator, who may read and write. */
    RegistryHttp(String baseUrl) {
        this(baseUrl, SignedIn.token("registry-admin"));
    }

    /** Signed in with the given token, or with none. */
    RegistryHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A GET with an Accept header, to see which media type the registry answers in. */
    Response get(String path, String accept) {
        return send("GET", path, null, null, accept);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response post(String path, String jsonBody) {
        return send("POST", path, MEDIA_TYPE, jsonBody);
    }

    Response put(String path, String jsonBody) {
        return send("PUT", path, MEDIA_TYPE, jsonBody);
    }

    /** {@code {"schema": "<schema>"}}, the body of register, look-up and compatibility requests. */
    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    static String compatibilityBody(String level) {
        return JSON.createObjectNode().put("compatibility", level).toString();
    }

    Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, null);
    }

    private Response send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
