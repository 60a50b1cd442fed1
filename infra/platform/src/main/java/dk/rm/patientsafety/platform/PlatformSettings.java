package dk.rm.patientsafety.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and data directory of the embedded default. Each comes from an environment variable
 * (e.g. {@code KAFKA_PORT=19092}) or a system property ({@code -Dkafka.port=19092}); 0 means any free port.
 */
public record PlatformSettings(int kafkaPort, int schemaRegistryPort, int intakePort, int alertingPort,
                               int classifierPort, int statisticsPort, int learningPort, int postgresPort, int identityProviderPort, Path dataDir) {

    public static PlatformSettings from(Map<String, String> environment, Map<String, String> systemProperties) {
        Source source = new Source(environment, systemProperties);
        return new PlatformSettings(
                source.port("kafka.port", 9092),
                source.port("schema-registry.port", 8081),
                source.port("intake.port", 8080),
                source.port("alerting.port", 8082),
                source.port("classifier.port", 8083),
                source.port("statistics.port", 8084),
                source.port("learning.port", 8085),
                source.port("postgres.port", 5432),
                source.port("idp.port", 8090),
                Path.of(source.value("data.dir", "data")).toAbsolutePath());
    }

    public PlatformServices.Ports servicePorts() {
        return new PlatformServices.Ports(intakePort, classifierPort, alertingPort, statisticsPort, learningPort);
    }

    private record Source(Map<String, String> environment, Map<String, String> systemProperties) {

        String value(String property, String fallback) {
            String fromProperty = systemProperties.get(property);
            if (fromProperty != null) {
                return fromProperty;
            }
            return environment.getOrDefault(property.toUpperCase().replace('.', '_').replace('-', '_'), fallback);
        }

        int port(String property, int fallback) {
            String value = value(property, String.valueOf(fallback));
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " must be a port number, was '" + value + "'", e);
            }
        }
    }
}
