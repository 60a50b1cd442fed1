package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside a running platform under load on every intake path, each service is stopped and started again in turn
 * (intake, classifier, alerting, statistics): the others keep running, the restarted one resumes where it stopped, and
 * every promise of the load's ledger is kept exactly once.
 */
class ServiceRestartIT extends PlatformIT {

    @Test
    void restartingOneServiceAtATimeLosesAndDuplicatesNothing() throws Exception {
        PlatformLoad load = new PlatformLoad(new PlatformLoad.Endpoints(services.service("intake").url(),
                services.service("alerting").url(), TestKafka.login(KafkaPrincipals.SOURCE_SYSTEM),
                TestKafka.login(KafkaPrincipals.TRANSACTION_GUARD), TestSchemaRegistry.url(),
                TestIdentityProvider::token)).start();
        List<String> report = new ArrayList<>();
        try {
            for (String service : List.of("intake", "classifier", "alerting", "statistics")) {
                Thread.sleep(3_000);
                int before = load.accepted();
                services.restart(service);
                Instant restarted = Instant.now();
                String probe = load.probe(Duration.ofSeconds(60));
                Duration moving = load.awaitAlert(probe, restarted, Duration.ofSeconds(61));
                report.add("%s restarted with %d reports accepted so far; pipeline moving %d ms later".formatted(service, before,
                        moving.toMillis()));
                assertTrue(moving.compareTo(Duration.ofSeconds(60)) <= 0, service + ": not moving again\n" + report);
            }
            Thread.sleep(3_000);
        } finally {
            load.stop();
            report.forEach(System.out::println);
        }
        List<String> problems = load.brokenPromises();
        assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " broken promises");
        assertTrue(load.accepted() > 100, "the load ran: " + load.accepted());
    }
}
