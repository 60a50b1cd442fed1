package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.CompatibilityChecker.PreviousVersion;
import dk.rm.patientsafety.registry.RegistryState.SubjectVersion;
import dk.rm.patientsafety.registry.StoreRecord.ConfigEntry;
import dk.rm.patientsafety.registry.StoreRecord.SchemaEntry;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import jakarta.inject.Singleton;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's rules: what registering, looking up and configuring mean, independent of HTTP and Kafka.
 * Reads come from {@link RegistryState}; writes go through {@link SchemaLog} one at a time, because an id or
 * version is decided from the state and must not be decided twice before the first decision is stored.
 */
@Singleton
final class SchemaRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);

    /** A subject version with its schema. */
    record RegisteredVersion(String subject, int version, int id, String schema) {
    }

    private final RegistryState state;
    private final SchemaLog log;
    private final CompatibilityLevel defaultLevel;
    private final Object writes = new Object();

    SchemaRegistry(RegistryState state, SchemaLog log, RegistrySettings settings) {
        this.state = state;
        this.log = log;
        this.defaultLevel = settings.getCompatibilityLevel();
    }

    /** Registers {@code schema} under {@code subject}, or returns its id if the subject already has it. */
    int register(String subject, AvroSchemas.Parsed schema) {
        synchronized (writes) {
            Optional<Integer> knownId = state.idOf(schema.canonical());
            NavigableMap<Integer, Integer> versions = state.versions(subject).orElse(new TreeMap<>());
            if (knownId.isPresent() && versions.containsValue(knownId.get())) {
                return knownId.get();
            }
            CompatibilityLevel level = effectiveLevel(subject);
            List<String> problems = CompatibilityChecker.check(level, schema.schema(), previousVersions(versions));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\", details: " + problems);
            }
            int id = knownId.orElseGet(state::nextId);
            int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
            log.append(new SchemaEntry(subject, version, id, schema.canonical(), false));
            LOG.info("Registered subject {} version {} as schema id {}", subject, version, id);
            return id;
        }
    }

    /** The version of {@code subject} that is {@code schema}. */
    RegisteredVersion lookUp(String subject, AvroSchemas.Parsed schema) {
        NavigableMap<Integer, Integer> versions = state.versions(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
        int id = state.idOf(schema.canonical()).orElseThrow(RegistryException::schemaNotFound);
        return versions.entrySet().stream()
                .filter(version -> version.getValue() == id)
                .findFirst()
                .map(version -> new RegisteredVersion(subject, version.getKey(), id, schema.canonical()))
                .orElseThrow(RegistryException::schemaNotFound);
    }

    String schemaById(int id) {
        return state.schema(id).map(AvroSchemas.Parsed::canonical).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    List<SubjectVersion> usesOf(int id) {
        schemaById(id);
        return state.usesOf(id);
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<Integer> versions(String subject) {
        return List.copyOf(versionsOf(subject).keySet());
    }

    /** A version of {@code subject}; {@code versionSpec} is a number, "latest" or -1. */
    RegisteredVersion version(String subject, String versionSpec) {
        Integer wanted = parseVersion(versionSpec);
        NavigableMap<Integer, Integer> versions = versionsOf(subject);
        int version = wanted == null ? versions.lastKey() : wanted;
        Integer id = versions.get(version);
        if (id == null) {
            throw RegistryException.versionNotFound(version);
        }
        return new RegisteredVersion(subject, version, id, schemaById(id));
    }

    /**
     * Whether {@code schema} could be registered after {@code versionSpec} of {@code subject}: against "latest",
     * the subject's level decides which versions count (all of them for the transitive levels); against a
     * numbered version, only that one does. Returns the problems; empty means compatible.
     */
    List<String> testCompatibility(String subject, String versionSpec, AvroSchemas.Parsed schema) {
        Integer wanted = parseVersion(versionSpec);
        NavigableMap<Integer, Integer> versions = versionsOf(subject);
        if (wanted != null && !versions.containsKey(wanted)) {
            throw RegistryException.versionNotFound(wanted);
        }
        NavigableMap<Integer, Integer> against = wanted == null ? versions : versions.subMap(wanted, true, wanted, true);
        return CompatibilityChecker.check(effectiveLevel(subject), schema.schema(), previousVersions(against));
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElseGet(this::globalLevel);
    }

    /** Sets the global level, or a subject's when {@code subject} is non-null; the subject need not exist yet. */
    CompatibilityLevel setLevel(String subject, String level) {
        CompatibilityLevel parsed = parseLevel(level);
        synchronized (writes) {
            Optional<CompatibilityLevel> current = subject == null ? state.globalLevel() : state.subjectLevel(subject);
            if (current.filter(parsed::equals).isEmpty()) { // unchanged levels are not written again: services set them at every start
                log.append(new ConfigEntry(subject, parsed));
                LOG.info("Compatibility level of {} set to {}", subject == null ? "the registry" : "subject " + subject, parsed);
            }
            return parsed;
        }
    }

    /** Removes a subject's own level, so the global level applies again; returns the level it had. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        synchronized (writes) {
            CompatibilityLevel current = state.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
            log.append(new ConfigEntry(subject, null));
            return current;
        }
    }

    private NavigableMap<Integer, Integer> versionsOf(String subject) {
        return state.versions(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }

    private List<PreviousVersion> previousVersions(NavigableMap<Integer, Integer> versions) {
        return versions.entrySet().stream()
                .map(version -> new PreviousVersion(version.getKey(), parsedById(version.getValue())))
                .toList();
    }

    private Schema parsedById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound(id)).schema();
    }

    /** A version number, or null for the latest; Confluent accepts "latest" and -1 for it. */
    static Integer parseVersion(String versionSpec) {
        if ("latest".equals(versionSpec)) {
            return null;
        }
        try {
            int version = Integer.parseInt(versionSpec);
            if (version == -1) {
                return null;
            }
            if (version < 1) {
                throw RegistryException.invalidVersion(versionSpec);
            }
            return version;
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(versionSpec);
        }
    }

    static CompatibilityLevel parseLevel(String level) {
        if (level == null) {
            throw RegistryException.invalidCompatibilityLevel();
        }
        try {
            return CompatibilityLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel();
        }
    }
}
