package dk.rm.patientsafety.registry;

import io.micronaut.runtime.Micronaut;

/** Starts the schema registry on its own (configured by {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MICRONAUT_SERVER_PORT}, ...). */
public final class SchemaRegistryApplication {

    /** The Micronaut environment that switches this module's beans on. */
    public static final String ENVIRONMENT = "schema-registry";

    private SchemaRegistryApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(SchemaRegistryApplication.class).start();
    }
}
