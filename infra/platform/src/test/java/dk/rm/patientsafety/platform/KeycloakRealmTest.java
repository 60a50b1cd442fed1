package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.security.PlatformSecurityConfig;
import dk.rm.patientsafety.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak realm docker-compose imports ({@code infra/keycloak}) offers what the embedded identity provider does:
 * the platform's roles, the same demo people and clients with the same roles and units, and tokens carrying the claims
 * the services read (the audience they require, {@code units}). Keycloak itself cannot run here (no Docker), so this
 * reads the realm export as Keycloak would import it.
 */
class KeycloakRealmTest {

    private static final Path REALM =
            Path.of(System.getProperty("basedir", ".")).resolve("../keycloak/patient-safety-realm.json").toAbsolutePath().normalize();

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = new ObjectMapper().readTree(REALM.toFile());
    }

    @Test
    void theRealmDefinesExactlyThePlatformsRoles() {
        assertEquals(Set.copyOf(Roles.ALL), names(realm.path("roles").path("realm"), "name"));
    }

    @Test
    void everyDemoPersonIsAUserWithTheSameRolesUnitsAndAPassword() {
        for (DemoAccount account : DemoAccount.defaults()) {
            if (account.kind() != DemoAccount.Kind.PERSON) {
                continue;
            }
            JsonNode user = user(account.name());
            assertEquals(Set.copyOf(account.roles()), strings(user.path("realmRoles")), account.name() + ": roles");
            assertEquals(Set.copyOf(account.units()), strings(user.path("attributes").path(new PlatformSecurityConfig().getUnitsClaim())),
                    account.name() + ": units");
            assertTrue(user.path("enabled").asBoolean(), account.name() + " must be enabled");
            assertTrue(StreamSupport.stream(user.path("credentials").spliterator(), false)
                    .anyMatch(c -> "password".equals(c.path("type").asText()) && !c.path("value").asText().isBlank()), account.name() + ": password");
        }
    }

    @Test
    void everyDemoClientIsAConfidentialClientWhoseServiceAccountHasTheSameRoles() {
        for (DemoAccount account : DemoAccount.defaults()) {
            if (account.kind() != DemoAccount.Kind.CLIENT) {
                continue;
            }
            JsonNode client = client(account.name());
            assertFalse(client.path("publicClient").asBoolean(true), account.name() + " must be confidential");
            assertTrue(client.path("serviceAccountsEnabled").asBoolean(), account.name() + " must allow client credentials");
            assertFalse(client.path("secret").asText().isBlank(), account.name() + ": secret");
            JsonNode serviceAccount = StreamSupport.stream(realm.path("users").spliterator(), false)
                    .filter(u -> account.name().equals(u.path("serviceAccountClientId").asText()))
                    .findFirst().orElse(null);
            assertNotNull(serviceAccount, account.name() + " has no service account user");
            assertEquals(Set.copyOf(account.roles()), strings(serviceAccount.path("realmRoles")), account.name() + ": roles");
        }
    }

    /** Without the audience the services refuse every token; without the units mapper every risk manager sees nothing. */
    @Test
    void everyClientsTokensNameThePlatformAsAudienceAndThePersonsCarryUnits() {
        String audience = new PlatformSecurityConfig().getAudience();
        for (JsonNode client : realm.path("clients")) {
            List<JsonNode> mappers = new ArrayList<>();
            client.path("protocolMappers").forEach(mappers::add);
            assertTrue(mappers.stream().anyMatch(m -> "oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                            && audience.equals(m.path("config").path("included.custom.audience").asText())
                            && "true".equals(m.path("config").path("access.token.claim").asText())),
                    client.path("clientId").asText() + " must put " + audience + " in the access token's aud");
        }
        JsonNode units = StreamSupport.stream(client("platform-cli").path("protocolMappers").spliterator(), false)
                .filter(m -> "oidc-usermodel-attribute-mapper".equals(m.path("protocolMapper").asText()))
                .findFirst().orElseThrow().path("config");
        String claim = new PlatformSecurityConfig().getUnitsClaim();
        assertEquals(claim, units.path("user.attribute").asText());
        assertEquals(claim, units.path("claim.name").asText());
        assertEquals("true", units.path("multivalued").asText(), "a risk manager may have several units");
        assertEquals("true", units.path("access.token.claim").asText());
        assertTrue(client("platform-cli").path("directAccessGrantsEnabled").asBoolean(), "the README's curl uses the password grant");
    }

    private static JsonNode user(String name) {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> name.equals(u.path("username").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the realm has no user " + name));
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> clientId.equals(c.path("clientId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the realm has no client " + clientId));
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new HashSet<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
