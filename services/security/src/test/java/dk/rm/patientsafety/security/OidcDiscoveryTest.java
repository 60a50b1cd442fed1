package dk.rm.patientsafety.security;

import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real in-JVM OIDC server: the key set is found through discovery, and only for the configured issuer. */
class OidcDiscoveryTest {

    private static DevelopmentIdentityProvider idp;

    @BeforeAll
    static void start() {
        idp = DevelopmentIdentityProvider.start(0, Optional.empty());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static PlatformSecurityConfig config(String issuer, String discoveryUrl) {
        PlatformSecurityConfig config = new PlatformSecurityConfig();
        config.setIssuer(issuer);
        config.setDiscoveryUrl(discoveryUrl);
        return config;
    }

    @Test
    void findsTheKeySetThroughTheIssuersDiscoveryDocument() {
        assertTrue(new OidcDiscovery(config(idp.issuer(), null)).jwksUri().startsWith(idp.issuer()));
    }

    @Test
    void aSeparateDiscoveryAddressMayServeTheDocumentButItMustNameTheConfiguredIssuer() {
        assertEquals(new OidcDiscovery(config(idp.issuer(), null)).jwksUri(),
                new OidcDiscovery(config(idp.issuer(), idp.issuer() + "/")).jwksUri());
        // The server names itself after the host it is addressed by: under 127.0.0.1 it is another issuer.
        String elsewhere = idp.issuer().replace("localhost", "127.0.0.1");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new OidcDiscovery(config(idp.issuer(), elsewhere)).jwksUri());
        assertTrue(refused.getMessage().contains("names another issuer"), refused.getMessage());
    }

    @Test
    void aServiceWithoutAnIssuerRefusesToStart() {
        assertThrows(IllegalStateException.class, () -> new OidcDiscovery(config(" ", null)));
        assertThrows(IllegalStateException.class, () -> new OidcDiscovery(config(null, null)));
    }
}
