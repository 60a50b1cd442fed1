package dk.rm.patientsafety.alerting;

import io.micronaut.runtime.Micronaut;

/** Starts the alerting service on its own. */
public final class AlertingApplication {

    public static final String ENVIRONMENT = "alerting";

    private AlertingApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(AlertingApplication.class).start();
    }
}
