package dk.rm.patientsafety.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rm.patientsafety.registry.StoreRecord.ConfigEntry;
import dk.rm.patientsafety.registry.StoreRecord.SchemaEntry;
import dk.rm.patientsafety.serde.CompatibilityLevel;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns store entries into the JSON keys and values of Confluent's KafkaStore, so the topic reads the same as
 * one kept by Confluent's registry. Keys are written with a fixed field order: compaction matches keys by
 * their bytes, so the same logical key must always be the same string.
 */
final class StoreCodec {

    /** A record's key and value as written to the topic; a null value is a tombstone. */
    record Encoded(String key, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreCodec() {
    }

    static Encoded encode(StoreRecord record) {
        if (record instanceof SchemaEntry schema) {
            return encodeSchema(schema);
        }
        return encodeConfig((ConfigEntry) record);
    }

    /**
     * Reads one topic record. Returns empty for the kinds this registry does not use (Confluent's NOOP, MODE,
     * DELETE_SUBJECT, ...); throws IllegalArgumentException for a record that is not valid store JSON.
     */
    static Optional<StoreRecord> decode(String key, String value) {
        JsonNode keyJson = read(key);
        JsonNode valueJson = value == null ? null : read(value);
        String subject = keyJson.path("subject").isTextual() ? keyJson.get("subject").asText() : null;
        return switch (keyJson.path("keytype").asText()) {
            case "SCHEMA" -> Optional.of(valueJson == null
                    ? new SchemaEntry(subject, keyJson.path("version").asInt(), 0, null, true)
                    : new SchemaEntry(valueJson.path("subject").asText(subject), valueJson.path("version").asInt(),
                            valueJson.path("id").asInt(), valueJson.path("schema").asText(), valueJson.path("deleted").asBoolean(false)));
            case "CONFIG" -> Optional.of(new ConfigEntry(subject, valueJson == null ? null : level(valueJson)));
            default -> Optional.empty();
        };
    }

    private static Encoded encodeSchema(SchemaEntry schema) {
        ObjectNode key = JSON.createObjectNode()
                .put("keytype", "SCHEMA")
                .put("subject", schema.subject())
                .put("version", schema.version())
                .put("magic", 1);
        ObjectNode value = JSON.createObjectNode()
                .put("subject", schema.subject())
                .put("version", schema.version())
                .put("id", schema.id())
                .put("schema", schema.schema())
                .put("deleted", schema.deleted());
        return new Encoded(key.toString(), value.toString());
    }

    private static Encoded encodeConfig(ConfigEntry config) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (config.subject() == null) {
            key.putNull("subject");
        } else {
            key.put("subject", config.subject());
        }
        key.put("magic", 0);
        String value = config.level() == null ? null
                : JSON.createObjectNode().put("compatibilityLevel", config.level().name()).toString();
        return new Encoded(key.toString(), value);
    }

    private static CompatibilityLevel level(JsonNode value) {
        String level = value.path("compatibilityLevel").asText();
        try {
            return CompatibilityLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + level + "'", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("Not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
