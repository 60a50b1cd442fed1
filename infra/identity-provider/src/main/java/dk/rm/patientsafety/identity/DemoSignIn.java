package dk.rm.patientsafety.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signs demo accounts in over HTTP, as a client would: the password grant for people, client credentials for systems.
 * Works against a development identity provider in another process too, given the state directory it keeps its
 * secrets in.
 */
public final class DemoSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final DemoSecrets secrets;
    private final List<DemoAccount> accounts;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoSignIn(URI tokenEndpoint, DemoSecrets secrets, List<DemoAccount> accounts) {
        this.tokenEndpoint = tokenEndpoint;
        this.secrets = secrets;
        this.accounts = accounts;
    }

    /** For the identity provider on {@code localhost:port} that keeps its state in {@code stateDir}. */
    public static DemoSignIn to(int port, Path stateDir) {
        if (!java.nio.file.Files.exists(stateDir.resolve(DemoSecrets.FILE))) {
            throw new IllegalStateException("no identity provider has kept its state in " + stateDir);
        }
        List<DemoAccount> accounts = DemoAccount.defaults();
        return new DemoSignIn(URI.create(DevelopmentIdentityProvider.issuerOn(port) + "/token"),
                DemoSecrets.loadOrCreate(Optional.of(stateDir), accounts), accounts);
    }

    public DemoAccount account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo account " + name));
    }

    /** The account's password or client secret. */
    public String secret(String account) {
        return secrets.secret(account(account).name());
    }

    /** The account's access token. */
    public String token(String account) {
        DemoAccount demo = account(account);
        Map<String, String> form = demo.kind() == DemoAccount.Kind.PERSON
                ? Map.of("grant_type", "password", "client_id", DevelopmentIdentityProvider.PUBLIC_CLIENT,
                        "username", demo.name(), "password", secret(account))
                : Map.of("grant_type", "client_credentials", "client_id", demo.name(), "client_secret", secret(account));
        return requestToken(form);
    }

    /** Posts a token request and returns the access token; throws if the server refuses. */
    public String requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new IllegalStateException("token request refused: " + response.statusCode());
            }
            return answer.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
