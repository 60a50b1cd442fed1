package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.registry.SchemaRegistryServer;
import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.KafkaPrincipals;

/** One real schema registry per test JVM, on the shared test broker, spoken to over HTTP. */
public final class TestSchemaRegistry {

    private static SchemaRegistryServer shared;

    private TestSchemaRegistry() {
    }

    public static synchronized String url() {
        if (shared == null) {
            shared = SchemaRegistryServer.start(TestKafka.login(KafkaPrincipals.SCHEMA_REGISTRY), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared.url();
    }

    /** A caching REST client for the shared registry, as the services use. */
    public static SchemaRegistryClient client() {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(url()));
    }
}
