package dk.rm.patientsafety.kafka;

import dk.rm.patientsafety.topics.KafkaAccessControl;
import dk.rm.patientsafety.topics.KafkaAccessSetup;
import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table applied to a real broker: exactly its ACLs, again and again, and a rule taken out of it is taken off. */
class KafkaAccessControlTest {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startEphemeral();
        admin = Admin.create(broker.adminConfig());
    }

    @AfterAll
    static void stop() {
        admin.close();
        broker.close();
    }

    @Test
    void appliesExactlyTheTableAndRemovesWhatItNoLongerHolds() throws Exception {
        KafkaAccessControl access = new KafkaAccessControl(admin);
        Map<String, String> passwords = passwords();
        access.apply(KafkaPrincipals.ALL, passwords);
        assertEquals(expected(KafkaPrincipals.ALL), access.aclsOf(KafkaPrincipals.ALL));
        assertEquals(new KafkaAccessControl.Changes(KafkaPrincipals.ALL.size(), 0, 0), access.apply(KafkaPrincipals.ALL, passwords),
                "a second run changes nothing");

        KafkaPrincipal narrowed = new KafkaPrincipal(KafkaPrincipals.DOWNSTREAM.name(), KafkaPrincipals.DOWNSTREAM.purpose(),
                List.of(dk.rm.patientsafety.topics.Topics.SIGNALS), List.of(), List.of(), KafkaPrincipals.DOWNSTREAM.groups(),
                List.of(), false, false);
        KafkaAccessControl.Changes changes = access.apply(List.of(narrowed), passwords);
        assertEquals(1, changes.removed(), "downstream's read of the counts is taken off");
        assertEquals(narrowed.aclBindings(), access.aclsOf(List.of(narrowed)));
    }

    @Test
    void setsUpFromTheEnvironmentAsDockerComposeDoes() {
        Map<String, String> env = new HashMap<>();
        String[] hostPort = broker.adminLogin().bootstrapServers().split(":");
        env.put("KAFKA_BOOTSTRAP_SERVERS", hostPort[0] + ":" + hostPort[1]);
        env.put("KAFKA_ADMIN_USERNAME", broker.adminLogin().username());
        env.put("KAFKA_ADMIN_PASSWORD", broker.adminLogin().password());
        KafkaPrincipals.ALL.forEach(p -> env.put(KafkaAccessSetup.passwordVariable(p), "pw-" + p.name()));
        assertEquals(KafkaPrincipals.ALL.size(), KafkaAccessSetup.run(env).accounts());

        env.remove(KafkaAccessSetup.passwordVariable(KafkaPrincipals.DOWNSTREAM));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> KafkaAccessSetup.run(env));
        assertTrue(missing.getMessage().contains("KAFKA_ACCOUNT_DOWNSTREAM_PASSWORD"), missing.getMessage());
    }

    private static Map<String, String> passwords() {
        Map<String, String> passwords = new HashMap<>();
        KafkaPrincipals.ALL.forEach(p -> passwords.put(p.name(), Secrets.random()));
        return passwords;
    }

    private static java.util.Set<org.apache.kafka.common.acl.AclBinding> expected(List<KafkaPrincipal> principals) {
        java.util.Set<org.apache.kafka.common.acl.AclBinding> all = new java.util.HashSet<>();
        principals.forEach(p -> all.addAll(p.aclBindings()));
        return all;
    }
}
