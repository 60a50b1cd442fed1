package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How the registry itself behaves ({@code registry.*}, e.g. {@code REGISTRY_COMPATIBILITY_LEVEL}). Not to be
 * confused with service-commons' {@code schema-registry.*}, which tells clients where the registry is.
 */
@ConfigurationProperties("registry")
public class RegistrySettings {

    private CompatibilityLevel compatibilityLevel = CompatibilityLevel.BACKWARD;
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(10);

    /** The global level until one is set with {@code PUT /config}; Confluent's default is BACKWARD. */
    public CompatibilityLevel getCompatibilityLevel() {
        return compatibilityLevel;
    }

    public void setCompatibilityLevel(CompatibilityLevel compatibilityLevel) {
        this.compatibilityLevel = compatibilityLevel;
    }

    /** How long start-up may take to read the store topic to its end. */
    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }

    /** How long a write may take to be acknowledged by Kafka and read back by the registry's own consumer. */
    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }
}
