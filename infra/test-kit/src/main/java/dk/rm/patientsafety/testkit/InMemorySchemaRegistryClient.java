package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryException;
import dk.rm.patientsafety.topics.Topic;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry held in memory, for unit tests of one topology with TopologyTestDriver. Integration tests use
 * the real registry over HTTP instead.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, Integer> idsByCanonicalSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();

    /** A registry that already holds the value schemas of {@code topics}, as start-up provisioning leaves it. */
    public static InMemorySchemaRegistryClient withSchemasOf(Collection<Topic<?, ?>> topics) {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        topics.forEach(topic -> topic.valueSchema().ifPresent(schema -> registry.register(topic.name() + "-value", schema)));
        return registry;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsByCanonicalSchema.computeIfAbsent(schema.toString(), s -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, schema);
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        Integer id = idsByCanonicalSchema.get(schema.toString());
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException(404, 40403, "Schema not found under " + subject);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        // Compatibility is the real registry's concern; unit tests register one version per subject.
    }

    @Override
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return true;
    }
}
