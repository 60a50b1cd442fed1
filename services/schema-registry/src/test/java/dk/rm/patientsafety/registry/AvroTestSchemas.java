package dk.rm.patientsafety.registry;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small Avro schema texts for the tests: a record {@code Incident} with the given fields. */
final class AvroTestSchemas {

    private AvroTestSchemas() {
    }

    static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Incident\",\"namespace\":\"test\",\"fields\":["
                + Arrays.stream(fields).collect(Collectors.joining(",")) + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String fieldWithDefault(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }

    static String enumField(String name, String... symbols) {
        return "{\"name\":\"" + name + "\",\"type\":{\"type\":\"enum\",\"name\":\"" + name + "Enum\",\"symbols\":["
                + Arrays.stream(symbols).map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}}";
    }
}
