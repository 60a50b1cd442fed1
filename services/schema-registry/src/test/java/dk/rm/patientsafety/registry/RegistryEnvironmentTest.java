package dk.rm.patientsafety.registry;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The embedded default runs every service's context in one JVM with every jar on the classpath; a context
 * started without the {@code schema-registry} environment must not pick up the registry (it would also try
 * to bind port 8081 and read the store topic).
 */
class RegistryEnvironmentTest {

    @Test
    void aContextWithoutTheRegistryEnvironmentHasNoRegistryBeans() {
        // Token checks are beside the point here (and would need an identity provider).
        try (ApplicationContext context = ApplicationContext.run(java.util.Map.of("micronaut.security.enabled", false), "classifier")) {
            assertFalse(context.containsBean(SubjectsController.class));
            assertFalse(context.containsBean(SchemaRegistry.class));
            assertFalse(context.containsBean(KafkaSchemaLog.class));
            assertFalse(context.containsBean(ConfluentErrorResponses.class));
        }
    }
}
