package dk.rm.patientsafety.oauth;

import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client-credentials tokens from a real OIDC server: kept while valid, renewed before expiry and after a refusal. */
class ClientCredentialsTest {

    private static DevelopmentIdentityProvider idp;

    @BeforeAll
    static void start() {
        idp = DevelopmentIdentityProvider.start(0, Optional.empty());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @Test
    void keepsATokenWhileItIsValidAndRenewsItBeforeItExpires() {
        // An InstantSource of the test's own, moved by hand: this module sits below the test kit.
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(Instant.now());
        ClientCredentials tokens = new ClientCredentials(URI.create(idp.tokenEndpoint()), "downstream", idp.secret("downstream"), now::get);
        String first = tokens.current();
        assertTrue(first.split("\\.").length == 3, "a signed JWT");
        assertEquals(first, tokens.current(), "the same token while it is valid");

        now.updateAndGet(t -> t.plus(Duration.ofHours(1).minus(ClientCredentials.MARGIN))); // the server's tokens live an hour
        assertNotEquals(first, tokens.current(), "renewed before it expires");
    }

    @Test
    void aRefusedTokenIsNotSentAgain() {
        ClientCredentials tokens = new ClientCredentials(URI.create(idp.tokenEndpoint()), "downstream", idp.secret("downstream"));
        String first = tokens.current();
        tokens.refused();
        assertNotEquals(first, tokens.current());
    }

    @Test
    void anUnreachableEndpointIsAClearError() {
        ClientCredentials tokens = new ClientCredentials(URI.create("http://127.0.0.1:1/token"), "downstream", "secret");
        IllegalStateException e = assertThrows(IllegalStateException.class, tokens::current);
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClientCredentials(URI.create(idp.tokenEndpoint()), "downstream", " "));
    }
}
