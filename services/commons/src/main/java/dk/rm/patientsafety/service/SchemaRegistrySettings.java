package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.oauth.AccessTokens;
import dk.rm.patientsafety.oauth.ClientCredentials;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the schema registry is, how this service signs in to it, and under which compatibility level our subjects are
 * registered. Set with {@code schema-registry.*} properties or {@code SCHEMA_REGISTRY_URL}; with
 * {@code SCHEMA_REGISTRY_CLIENT_ID}, {@code SCHEMA_REGISTRY_CLIENT_SECRET} and {@code SCHEMA_REGISTRY_TOKEN_ENDPOINT}
 * every call carries a client-credentials token (our registry lets the platform's services, role {@code service},
 * register their schemas; Confluent's open-source registry ignores the token).
 */
@ConfigurationProperties("schema-registry")
public class SchemaRegistrySettings {

    private String url = "http://localhost:8081";
    private CompatibilityLevel compatibility = CompatibilityLevel.BACKWARD_TRANSITIVE;
    private String clientId;
    private String clientSecret;
    private String tokenEndpoint;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public CompatibilityLevel getCompatibility() {
        return compatibility;
    }

    public void setCompatibility(CompatibilityLevel compatibility) {
        this.compatibility = compatibility;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenEndpoint() {
        return tokenEndpoint;
    }

    public void setTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** The tokens this service sends, or none when no client is configured. */
    public java.util.Optional<AccessTokens> tokens() {
        if (clientId == null || clientId.isBlank()) {
            return java.util.Optional.empty();
        }
        if (tokenEndpoint == null || tokenEndpoint.isBlank()) {
            throw new IllegalStateException("schema-registry.client-id is set but schema-registry.token-endpoint (SCHEMA_REGISTRY_TOKEN_ENDPOINT) is not");
        }
        return java.util.Optional.of(new ClientCredentials(java.net.URI.create(tokenEndpoint), clientId, clientSecret));
    }
}
