package dk.rm.patientsafety.statistics;

import io.micronaut.runtime.Micronaut;

/** Starts the statistics service on its own. */
public final class StatisticsApplication {

    public static final String ENVIRONMENT = "statistics";

    private StatisticsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(StatisticsApplication.class).start();
    }
}
