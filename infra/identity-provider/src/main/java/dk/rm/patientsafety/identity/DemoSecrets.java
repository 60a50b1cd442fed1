package dk.rm.patientsafety.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The development identity provider's signing key and the demo accounts' secrets, kept owner-only in one file. */
final class DemoSecrets {

    static final String FILE = "identity-provider.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAKey signingKey;
    private final Map<String, String> secrets;

    private DemoSecrets(RSAKey signingKey, Map<String, String> secrets) {
        this.signingKey = signingKey;
        this.secrets = secrets;
    }

    static DemoSecrets loadOrCreate(Optional<Path> dir, List<DemoAccount> accounts) {
        try {
            Optional<Path> file = dir.map(d -> d.resolve(FILE));
            DemoSecrets secrets = file.filter(Files::exists).map(DemoSecrets::read).orElseGet(() -> new DemoSecrets(newKey(), new LinkedHashMap<>()));
            boolean added = false;
            for (DemoAccount account : accounts) {
                if (!secrets.secrets.containsKey(account.name())) {
                    // Hex only: the server matches secrets as regular expressions, and hex has no special characters.
                    secrets.secrets.put(account.name(), HexFormat.of().formatHex(bytes(16)));
                    added = true;
                }
            }
            if (added && file.isPresent()) {
                secrets.write(file.get(), accounts);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DemoSecrets read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            Map<String, String> secrets = new LinkedHashMap<>();
            json.path("secrets").fields().forEachRemaining(e -> secrets.put(e.getKey(), e.getValue().asText()));
            return new DemoSecrets(JWK.parse(json.path("signingKey").toString()).toRSAKey(), secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " holds no readable signing key", e);
        }
    }

    /** Besides the secrets, each account's grant, so a script can sign in without knowing the accounts. */
    private void write(Path file, List<DemoAccount> accounts) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.set("signingKey", json.readTree(signingKey.toJSONString()));
        root.set("secrets", json.valueToTree(secrets));
        ObjectNode grants = root.putObject("grants");
        accounts.forEach(a -> grants.put(a.name(), a.kind() == DemoAccount.Kind.PERSON ? "password" : "client_credentials"));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    RSAKey signingKey() {
        return signingKey;
    }

    String secret(String account) {
        return secrets.get(account);
    }
}
