package dk.rm.patientsafety.registry;

import org.apache.avro.Schema;

import java.util.List;

/**
 * Parses submitted schemas and gives them the canonical form that decides identity. Like Confluent's
 * registry, the canonical form is the parsed schema's {@link Schema#toString()}: whitespace, key order and
 * escaping no longer matter, but docs, defaults, aliases and custom properties still do. Avro's "parsing
 * canonical form" is deliberately not used: it drops defaults, and two schemas that differ in a default do
 * not evolve the same way, so they must not share an id.
 */
final class AvroSchemas {

    static final String AVRO = "AVRO";

    /** A submitted schema, parsed, with its canonical text. */
    record Parsed(Schema schema, String canonical) {
    }

    private AvroSchemas() {
    }

    /** Parses a request's schema; anything this registry cannot accept is a 422 / 42201. */
    static Parsed parse(String text, String schemaType, List<?> references) {
        if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType)) {
            throw RegistryException.invalidSchema("Invalid schema type " + schemaType + ": only AVRO is supported by this registry");
        }
        if (references != null && !references.isEmpty()) {
            throw RegistryException.invalidSchema("Invalid schema: schema references are not supported by this registry");
        }
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the schema is empty");
        }
        return parse(text);
    }

    /** Parses a schema text; a fresh parser each time, because a parser remembers the named types it has seen. */
    static Parsed parse(String text) {
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new Parsed(schema, schema.toString());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }
}
