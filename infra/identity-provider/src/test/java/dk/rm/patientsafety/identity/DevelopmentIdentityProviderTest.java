package dk.rm.patientsafety.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real OIDC server on loopback: only an account's own secret gets its roles, and state survives a restart. */
class DevelopmentIdentityProviderTest {

    @TempDir
    Path state;

    @Test
    void eachAccountGetsItsRolesUnitsAndThePlatformAudienceWithItsSecret() throws Exception {
        try (DevelopmentIdentityProvider idp = DevelopmentIdentityProvider.start(0, Optional.empty())) {
            for (DemoAccount account : idp.accounts()) {
                JWTClaimsSet claims = SignedJWT.parse(idp.token(account.name())).getJWTClaimsSet();
                assertEquals(idp.issuer(), claims.getIssuer(), account.name());
                assertEquals(account.name(), claims.getSubject());
                assertEquals(List.of(DevelopmentIdentityProvider.AUDIENCE), claims.getAudience());
                assertEquals(account.roles(), claims.getStringListClaim("roles"));
                assertEquals(account.units().isEmpty() ? null : account.units(), claims.getStringListClaim("units"));
            }
        }
    }

    @Test
    void aWrongSecretOrAPatternForOneGetsNoRoleAndNoAudience() throws Exception {
        try (DevelopmentIdentityProvider idp = DevelopmentIdentityProvider.start(0, Optional.empty())) {
            // The server matches secrets as regular expressions: ".*" must not match a hex secret's mapping by accident.
            for (String guess : List.of("wrong", ".*", "[0-9a-f]+", "")) {
                assertNoRole(idp, Map.of("grant_type", "password", "client_id", DevelopmentIdentityProvider.PUBLIC_CLIENT,
                        "username", "regional-team", "password", guess), "password " + guess);
                assertNoRole(idp, Map.of("grant_type", "client_credentials", "client_id", "downstream", "client_secret", guess),
                        "client secret " + guess);
            }
            // One account's secret under another account's name gives the secret's owner, never the named one.
            String borrowed = idp.requestToken(Map.of("grant_type", "password", "client_id", DevelopmentIdentityProvider.PUBLIC_CLIENT,
                    "username", "regional-team", "password", idp.secret("reporter")));
            assertEquals(List.of("reporter"), SignedJWT.parse(borrowed).getJWTClaimsSet().getStringListClaim("roles"));
        }
    }

    /** Refused outright, or a token that no service accepts: no roles, not the platform's audience. */
    private static void assertNoRole(DevelopmentIdentityProvider idp, Map<String, String> form, String what) throws Exception {
        String token;
        try {
            token = idp.requestToken(form);
        } catch (IllegalStateException refused) {
            return;
        }
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertNull(claims.getClaim("roles"), what);
        assertFalse(claims.getAudience().contains(DevelopmentIdentityProvider.AUDIENCE), what);
    }

    @Test
    void secretsAndTheSigningKeySurviveARestartInTheStateDirectoryOwnerOnly() throws Exception {
        String secret;
        String keyId;
        try (DevelopmentIdentityProvider idp = DevelopmentIdentityProvider.start(0, Optional.of(state))) {
            secret = idp.secret("rm-auh");
            keyId = SignedJWT.parse(idp.token("rm-auh")).getHeader().getKeyID();
        }
        Path file = state.resolve("identity-provider.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (DevelopmentIdentityProvider again = DevelopmentIdentityProvider.start(0, Optional.of(state))) {
            assertEquals(secret, again.secret("rm-auh"));
            assertEquals(keyId, SignedJWT.parse(again.token("rm-auh")).getHeader().getKeyID());
            String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(again.issuer() + "/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(jwks.contains(keyId), jwks);
            assertFalse(jwks.contains("\"d\""), "the key set publishes no private part");
            assertEquals(again.token("partner-aarhus").split("\\.").length, 3);
            assertEquals(DemoSignIn.to(again.port(), state).secret("rm-auh"), secret, "another process signs in with the kept secrets");
        }
        try (DevelopmentIdentityProvider fresh = DevelopmentIdentityProvider.start(0, Optional.empty())) {
            assertNotEquals(secret, fresh.secret("rm-auh"), "without a state directory the secrets are new");
        }
    }
}
