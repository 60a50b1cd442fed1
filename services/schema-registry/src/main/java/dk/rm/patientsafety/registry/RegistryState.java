package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.StoreRecord.ConfigEntry;
import dk.rm.patientsafety.registry.StoreRecord.SchemaEntry;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's knowledge in memory: the store topic's records applied in order. The store's reader thread
 * applies, request threads read, hence every method is synchronized.
 */
@Singleton
final class RegistryState {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    /** One version of a subject. */
    record SubjectVersion(String subject, int version, int id) {
    }

    private final Map<Integer, AvroSchemas.Parsed> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, NavigableMap<Integer, Integer>> idsBySubjectVersion = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized void apply(StoreRecord record) {
        if (record instanceof SchemaEntry schema) {
            applySchema(schema);
        } else if (record instanceof ConfigEntry config) {
            applyConfig(config);
        }
    }

    synchronized Optional<Integer> idOf(String canonical) {
        return Optional.ofNullable(idsByCanonical.get(canonical));
    }

    synchronized Optional<AvroSchemas.Parsed> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id the next new schema gets: ids are never reused, and start at 1. */
    synchronized int nextId() {
        return maxId + 1;
    }

    synchronized List<String> subjects() {
        return List.copyOf(idsBySubjectVersion.keySet());
    }

    /** The subject's versions and their schema ids, oldest first; empty if the subject has none. */
    synchronized Optional<NavigableMap<Integer, Integer>> versions(String subject) {
        NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        return versions == null ? Optional.empty() : Optional.of(new TreeMap<>(versions));
    }

    /** Every subject version that uses the schema with this id. */
    synchronized List<SubjectVersion> usesOf(int id) {
        List<SubjectVersion> uses = new ArrayList<>();
        idsBySubjectVersion.forEach((subject, versions) -> versions.forEach((version, versionId) -> {
            if (versionId == id) {
                uses.add(new SubjectVersion(subject, version, id));
            }
        }));
        return uses;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The global level if one was stored with PUT /config; otherwise the configured default applies. */
    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    private void applySchema(SchemaEntry entry) {
        if (entry.deleted()) {
            NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(entry.subject());
            if (versions != null) {
                versions.remove(entry.version());
                if (versions.isEmpty()) {
                    idsBySubjectVersion.remove(entry.subject());
                }
            }
            return;
        }
        AvroSchemas.Parsed parsed;
        try {
            parsed = AvroSchemas.parse(entry.schema());
        } catch (RegistryException e) {
            LOG.warn("Skipping stored schema id {} (subject {}, version {}): it does not parse", entry.id(), entry.subject(), entry.version());
            return;
        }
        AvroSchemas.Parsed known = schemasById.putIfAbsent(entry.id(), parsed);
        if (known != null && !known.canonical().equals(parsed.canonical())) {
            LOG.warn("Stored schema id {} (subject {}, version {}) differs from the first schema stored under that id; keeping the first",
                    entry.id(), entry.subject(), entry.version());
            return;
        }
        idsByCanonical.putIfAbsent(parsed.canonical(), entry.id());
        idsBySubjectVersion.computeIfAbsent(entry.subject(), s -> new TreeMap<>()).put(entry.version(), entry.id());
        maxId = Math.max(maxId, entry.id());
    }

    private void applyConfig(ConfigEntry entry) {
        if (entry.subject() == null) {
            globalLevel = entry.level();
        } else if (entry.level() == null) {
            subjectLevels.remove(entry.subject());
        } else {
            subjectLevels.put(entry.subject(), entry.level());
        }
    }
}
