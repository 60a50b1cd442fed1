package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.serde.CompatibilityLevel;

/** One entry of the registry's store topic: everything the registry knows is the sum of these. */
sealed interface StoreRecord {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
    record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) implements StoreRecord {
    }

    /** The compatibility level of {@code subject}, or the global one when {@code subject} is null; a null level removes it. */
    record ConfigEntry(String subject, CompatibilityLevel level) implements StoreRecord {
    }
}
