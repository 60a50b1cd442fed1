package dk.rm.patientsafety.serde;

/** Confluent's TopicNameStrategy: the subject of a topic's values is "{topic}-value", of its keys "{topic}-key". */
public final class SubjectNames {

    private SubjectNames() {
    }

    public static String forTopic(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
