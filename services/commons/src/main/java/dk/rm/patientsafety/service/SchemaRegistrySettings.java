package dk.rm.patientsafety.service;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the schema registry is and under which compatibility level our subjects are registered.
 * Set with {@code schema-registry.*} properties or {@code SCHEMA_REGISTRY_URL}.
 */
@ConfigurationProperties("schema-registry")
public class SchemaRegistrySettings {

    private String url = "http://localhost:8081";
    private CompatibilityLevel compatibility = CompatibilityLevel.BACKWARD_TRANSITIVE;

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
}
