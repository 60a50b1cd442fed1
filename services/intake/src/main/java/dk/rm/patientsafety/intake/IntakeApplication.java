package dk.rm.patientsafety.intake;

import io.micronaut.runtime.Micronaut;

/** Starts the intake service on its own. */
public final class IntakeApplication {

    public static final String ENVIRONMENT = "intake";

    private IntakeApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(IntakeApplication.class).start();
    }
}
