package dk.rm.patientsafety.security;

import io.micronaut.context.annotation.Requires;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Finds the identity provider's key set through its OIDC discovery document. Looked up on first use and kept once
 * found, so a service starts while its identity provider is still starting, and refuses tokens until it answers.
 */
@Requires(property = "micronaut.security.enabled", notEquals = "false")
@Context // created at start-up, so a service without an issuer refuses to start rather than answer 500s
public class OidcDiscovery {

    private final PlatformSecurityConfig config;
    private final HttpClient http;
    private volatile String jwksUri;

    public OidcDiscovery(PlatformSecurityConfig config) {
        if (config.getIssuer() == null || config.getIssuer().isBlank()) {
            throw new IllegalStateException("platform.security.issuer (PLATFORM_SECURITY_ISSUER) is not set: "
                    + "the service cannot tell which identity provider's tokens to trust");
        }
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.getDiscoveryTimeout()).build();
    }

    /** The {@code jwks_uri} of the issuer; throws if the discovery document cannot be read or names another issuer. */
    public String jwksUri() {
        String known = jwksUri;
        if (known != null) {
            return known;
        }
        String issuer = config.getIssuer();
        String base = config.getDiscoveryUrl() == null || config.getDiscoveryUrl().isBlank() ? issuer : config.getDiscoveryUrl();
        URI document = URI.create(base.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(config.getDiscoveryTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OIDC discovery at " + document + " answered " + response.statusCode());
            }
            JsonNode metadata = new ObjectMapper().readTree(response.body());
            // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
            if (!issuer.equals(metadata.path("issuer").asText())) {
                throw new IllegalStateException("OIDC discovery at " + document + " names another issuer: " + metadata.path("issuer").asText());
            }
            String uri = metadata.path("jwks_uri").asText("");
            if (uri.isBlank()) {
                throw new IllegalStateException("OIDC discovery at " + document + " has no jwks_uri");
            }
            jwksUri = uri;
            return uri;
        } catch (IOException e) {
            throw new IllegalStateException("OIDC discovery at " + document + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during OIDC discovery", e);
        }
    }
}
