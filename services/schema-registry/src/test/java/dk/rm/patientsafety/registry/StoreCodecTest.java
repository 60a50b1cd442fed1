package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.StoreRecord.ConfigEntry;
import dk.rm.patientsafety.registry.StoreRecord.SchemaEntry;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreCodecTest {

    @Test
    void schemasAreStoredAsConfluentsKafkaStoreStoresThem() {
        SchemaEntry entry = new SchemaEntry("a-value", 2, 7, "\"string\"", false);
        StoreCodec.Encoded encoded = StoreCodec.encode(entry);
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":2,\"magic\":1}", encoded.key());
        assertEquals("{\"subject\":\"a-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}", encoded.value());
        assertEquals(Optional.of(entry), StoreCodec.decode(encoded.key(), encoded.value()));
    }

    @Test
    void configsAreKeyedBySubjectOrNullForTheGlobalOne() {
        StoreCodec.Encoded global = StoreCodec.encode(new ConfigEntry(null, CompatibilityLevel.FULL));
        assertEquals("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", global.key());
        assertEquals("{\"compatibilityLevel\":\"FULL\"}", global.value());
        assertEquals(Optional.of(new ConfigEntry(null, CompatibilityLevel.FULL)), StoreCodec.decode(global.key(), global.value()));

        StoreCodec.Encoded removed = StoreCodec.encode(new ConfigEntry("a-value", null));
        assertNull(removed.value()); // a tombstone, so compaction forgets the subject's level
        assertEquals(Optional.of(new ConfigEntry("a-value", null)), StoreCodec.decode(removed.key(), null));
    }

    @Test
    void recordKindsThisRegistryDoesNotUseAreIgnoredAndGarbageIsRefused() {
        assertEquals(Optional.empty(), StoreCodec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null));
        assertThrows(IllegalArgumentException.class, () -> StoreCodec.decode("not json", "{}"));
        assertThrows(IllegalArgumentException.class,
                () -> StoreCodec.decode("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"SIDEWAYS\"}"));
    }
}
