package dk.rm.patientsafety.classifier;

import io.micronaut.runtime.Micronaut;

/** Starts the classifier on its own. */
public final class ClassifierApplication {

    public static final String ENVIRONMENT = "classifier";

    private ClassifierApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(ENVIRONMENT).mainClass(ClassifierApplication.class).start();
    }
}
