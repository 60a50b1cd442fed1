package dk.rm.patientsafety.registry;

/** Where the registry's writes go: durable, ordered, and read back into {@link RegistryState}. */
interface SchemaLog {

    /**
     * Stores {@code record} and returns once {@link RegistryState} includes it, so the caller's next read sees
     * its own write. Throws a 500 {@link RegistryException} if the store fails or times out.
     */
    void append(StoreRecord record);
}
