package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;

/** One real embedded Kafka broker per test JVM, started on first use and stopped when the JVM exits. */
public final class TestKafka {

    private static EmbeddedKafkaBroker shared;

    private TestKafka() {
    }

    public static synchronized EmbeddedKafkaBroker broker() {
        if (shared == null) {
            shared = EmbeddedKafkaBroker.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
