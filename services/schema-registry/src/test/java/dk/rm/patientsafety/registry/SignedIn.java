package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.oauth.AccessTokens;
import dk.rm.patientsafety.oauth.ClientCredentials;
import dk.rm.patientsafety.topics.KafkaPrincipals;

import java.net.URI;
import java.util.Optional;

/** The registry's tests sign in as the platform does: a real OIDC server (the embedded default's) and its demo accounts. */
final class SignedIn {

    private static DevelopmentIdentityProvider idp;

    private SignedIn() {
    }

    static synchronized DevelopmentIdentityProvider idp() {
        if (idp == null) {
            idp = DevelopmentIdentityProvider.start(0, Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(idp::close));
        }
        return idp;
    }

    /** A registry on the broker, signed in to it as the schema-registry account, trusting the test's issuer. */
    static SchemaRegistryServer registry(EmbeddedKafkaBroker broker) {
        return SchemaRegistryServer.start(KafkaAccounts.provision(broker, Optional.empty()).login(KafkaPrincipals.SCHEMA_REGISTRY),
                idp().issuer(), 0);
    }

    /** The platform services' client-credentials tokens: they may register schemas. */
    static AccessTokens services() {
        return new ClientCredentials(URI.create(idp().tokenEndpoint()), DemoAccount.PLATFORM_SERVICES, idp().secret(DemoAccount.PLATFORM_SERVICES));
    }

    static String token(String account) {
        return idp().token(account);
    }
}
