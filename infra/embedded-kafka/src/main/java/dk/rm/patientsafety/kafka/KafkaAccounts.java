package dk.rm.patientsafety.kafka;

import dk.rm.patientsafety.topics.KafkaAccessControl;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's accounts on an embedded broker: one per row of {@link KafkaPrincipals}, with the table's ACLs. Passwords
 * are random; kept under a directory (one owner-only file per account) they stay the same across restarts.
 */
public final class KafkaAccounts {

    private final EmbeddedKafkaBroker broker;
    private final Map<String, String> passwords;

    private KafkaAccounts(EmbeddedKafkaBroker broker, Map<String, String> passwords) {
        this.broker = broker;
        this.passwords = passwords;
    }

    /** Sets up every account of the table on the broker; {@code dir} keeps the passwords, or empty for throw-away ones. */
    public static KafkaAccounts provision(EmbeddedKafkaBroker broker, Optional<Path> dir) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (KafkaPrincipal principal : KafkaPrincipals.ALL) {
            passwords.put(principal.name(), dir.map(d -> Secrets.keptIn(d.resolve(principal.name()))).orElseGet(Secrets::random));
        }
        try (Admin admin = Admin.create(broker.adminConfig())) {
            new KafkaAccessControl(admin).apply(KafkaPrincipals.ALL, passwords);
        }
        return new KafkaAccounts(broker, passwords);
    }

    /** How the given account signs in on the broker's client port. */
    public KafkaLogin login(KafkaPrincipal principal) {
        String password = passwords.get(principal.name());
        if (password == null) {
            throw new IllegalArgumentException("No Kafka account " + principal.name());
        }
        return broker.login(principal.name(), password);
    }
}
