package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.topics.KafkaPrincipal;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.topics.Topic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's Kafka ACL table is {@link KafkaPrincipals}, row for row: a rule changed in the code changes the table. */
class KafkaAclTableDocTest {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("../../README.md").toAbsolutePath().normalize();
    private static final String BEGIN = "<!-- kafka-acl-table: KafkaAclTableDocTest checks this table against KafkaPrincipals -->";
    private static final String END = "<!-- /kafka-acl-table -->";

    @Test
    void readmeListsEveryAccountWithItsAcls() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String documented = begin < 0 || end < begin ? "(no table between " + BEGIN + " and " + END + ")"
                : readme.substring(begin + BEGIN.length(), end).strip();
        assertEquals(table(), documented, "README.md's Kafka ACL table");
    }

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| account | used by | reads | writes | also |");
        rows.add("|---|---|---|---|---|");
        for (KafkaPrincipal p : KafkaPrincipals.ALL) {
            rows.add("| `" + p.name() + "` | " + p.purpose() + " | " + topics(p.reads(), p.operator()) + " | " + topics(p.writes(), false)
                    + " | " + also(p) + " |");
        }
        return String.join("\n", rows);
    }

    private static String topics(List<Topic<?, ?>> topics, boolean all) {
        if (all) {
            return "every topic (DescribeProducers is authorised as Read)";
        }
        return topics.isEmpty() ? "—" : topics.stream().map(t -> "`" + t.name() + "`").collect(Collectors.joining(", "));
    }

    private static String also(KafkaPrincipal p) {
        List<String> also = new ArrayList<>();
        p.streamsApplications().forEach(a -> also.add("Kafka Streams `" + a + "` (its `" + a + "-*` topics, groups and transactional ids)"));
        p.groups().forEach(g -> also.add("groups `" + g + "*`"));
        p.transactionalIds().forEach(t -> also.add("transactional ids `" + t + "*`"));
        if (p.provisions()) {
            also.add("creates its topics");
        }
        if (p.operator()) {
            also.add("ClusterAction (writes abort markers), Describe on every transactional id");
        }
        return also.isEmpty() ? "—" : String.join("; ", also);
    }
}
