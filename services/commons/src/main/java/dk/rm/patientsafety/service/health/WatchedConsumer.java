package dk.rm.patientsafety.service.health;

import java.util.Optional;

/** A stream or consumer whose health the service reports: its own view of itself, and its group's progress on Kafka. */
public interface WatchedConsumer {

    /** The consumer group (a stream's application id) whose committed offsets show its progress. */
    String groupId();

    /** Why it is not working now, in a sentence for the health answer; empty when it is. */
    Optional<String> problem();
}
