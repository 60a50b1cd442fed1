package dk.rm.patientsafety.serde;

import org.apache.avro.Schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers ids and schemas, which never change once assigned, so each is fetched from the registry
 * once per process rather than once per record.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> lookedUpIds = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registeredIds.computeIfAbsent(new SubjectSchema(subject, schema), key -> remember(delegate.register(subject, schema), schema));
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer registered = registeredIds.get(key);
        return registered != null ? registered
                : lookedUpIds.computeIfAbsent(key, k -> remember(delegate.lookUpId(subject, schema), schema));
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return delegate.isCompatibleWithLatest(subject, schema);
    }

    private int remember(int id, Schema schema) {
        schemasById.putIfAbsent(id, schema);
        return id;
    }
}
