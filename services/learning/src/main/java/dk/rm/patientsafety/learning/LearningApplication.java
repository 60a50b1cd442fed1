package dk.rm.patientsafety.learning;

import io.micronaut.runtime.Micronaut;

/** Starts the learning service on its own. */
public final class LearningApplication {

    public static final String ENVIRONMENT = "learning";

    private LearningApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(LearningApplication.class).start();
    }
}
