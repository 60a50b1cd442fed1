package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.oauth.AccessTokens;
import dk.rm.patientsafety.oauth.ClientCredentials;
import dk.rm.patientsafety.registry.SchemaRegistryServer;
import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.topics.KafkaPrincipals;

import java.net.URI;

/** One real schema registry per test JVM, on the shared test broker, spoken to over HTTP. */
public final class TestSchemaRegistry {

    private static SchemaRegistryServer shared;

    private TestSchemaRegistry() {
    }

    public static synchronized String url() {
        if (shared == null) {
            shared = SchemaRegistryServer.start(TestKafka.login(KafkaPrincipals.SCHEMA_REGISTRY), TestIdentityProvider.issuer(), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared.url();
    }

    /** The shared registry itself, for tests that look at its routes. */
    public static synchronized SchemaRegistryServer server() {
        url();
        return shared;
    }

    /** A caching REST client for the shared registry, signed in as the services are ({@code platform-services}). */
    public static SchemaRegistryClient client() {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(url(), servicesTokens()));
    }

    /** The client-credentials tokens of the platform's services: they may register schemas. */
    public static AccessTokens servicesTokens() {
        return new ClientCredentials(URI.create(TestIdentityProvider.shared().tokenEndpoint()), DemoAccount.PLATFORM_SERVICES,
                TestIdentityProvider.shared().secret(DemoAccount.PLATFORM_SERVICES));
    }
}
