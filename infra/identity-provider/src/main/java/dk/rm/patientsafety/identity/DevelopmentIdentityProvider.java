package dk.rm.patientsafety.identity;

import com.nimbusds.jose.JWSAlgorithm;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default's identity provider: NAV's mock-oauth2-server, a real OAuth2/OIDC server (discovery, JWKS,
 * signed RS256 tokens), in this JVM on loopback. Each {@link DemoAccount} gets its roles and units as claims when it
 * presents its secret: the password (password grant) or the client secret (client credentials, sent in the form
 * body). Any other request gets a token without roles or the platform's audience, which no service accepts.
 * For development and tests only: a region signs in with its own identity provider (see docker-compose's Keycloak).
 */
public final class DevelopmentIdentityProvider implements AutoCloseable {

    public static final String ISSUER_ID = "platform";
    public static final String AUDIENCE = "patient-safety-platform";
    /** The public client people sign in through with the password grant. */
    public static final String PUBLIC_CLIENT = "platform-cli";

    private final MockOAuth2Server server;
    private final List<DemoAccount> accounts;
    private final int port;
    private final DemoSignIn signIn;

    private DevelopmentIdentityProvider(MockOAuth2Server server, DemoSecrets secrets, List<DemoAccount> accounts, int port) {
        this.server = server;
        this.accounts = accounts;
        this.port = port;
        this.signIn = new DemoSignIn(URI.create(issuerOn(port) + "/token"), secrets, accounts);
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0: a free port). With a state directory, the signing key and the accounts'
     * secrets are kept there (owner-only), so tokens and secrets survive a restart; without one they are new each time.
     */
    public static DevelopmentIdentityProvider start(int port, Optional<Path> stateDir) {
        List<DemoAccount> accounts = DemoAccount.defaults();
        DemoSecrets secrets = DemoSecrets.loadOrCreate(stateDir, accounts);
        // Our own key: the library's default keys ship inside its jar, private halves included.
        KeyProvider keys = new KeyProvider(List.of(secrets.signingKey()), JWSAlgorithm.RS256.getName());
        Set<OAuth2TokenCallback> callbacks = Set.of(new RequestMappingTokenCallback(ISSUER_ID,
                accounts.stream().map(account -> mapping(account, secrets.secret(account.name()))).toList(), 3600));
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys), callbacks,
                new MockWebServerWrapper());
        MockOAuth2Server server = new MockOAuth2Server(config);
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the development identity provider on port " + port, e);
        }
        return new DevelopmentIdentityProvider(server, secrets, accounts, server.baseUrl().port());
    }

    private static RequestMapping mapping(DemoAccount account, String secret) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", account.name());
        claims.put("aud", List.of(AUDIENCE));
        claims.put("roles", account.roles());
        if (!account.units().isEmpty()) {
            claims.put("units", account.units());
        }
        claims.put("name", account.description());
        String param = account.kind() == DemoAccount.Kind.PERSON ? "password" : "client_secret";
        return new RequestMapping(param, secret, claims, "JWT");
    }

    /**
     * The issuer URL services must trust. The server names itself after the host a client addressed it by, so tokens
     * must be fetched from {@code localhost}, as this URL says.
     */
    public String issuer() {
        return issuerOn(port);
    }

    static String issuerOn(int port) {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    public String tokenEndpoint() {
        return issuer() + "/token";
    }

    public int port() {
        return port;
    }

    public List<DemoAccount> accounts() {
        return accounts;
    }

    public DemoAccount account(String name) {
        return signIn.account(name);
    }

    /** The account's password or client secret. */
    public String secret(String account) {
        return signIn.secret(account);
    }

    /** Signs the account in over HTTP, as a client would, and returns its access token. */
    public String token(String account) {
        return signIn.token(account);
    }

    /** Posts a token request and returns the access token; throws if the server refuses. */
    public String requestToken(Map<String, String> form) {
        return signIn.requestToken(form);
    }

    /** The running server, for tests that need tokens no account gets (expired, another issuer, another audience). */
    public MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
