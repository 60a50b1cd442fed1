package dk.rm.patientsafety.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the whole platform on the embedded default until Ctrl-C. */
public final class PlatformMain {

    /** Set by {@code ./mvnw -Prun}: the platform is Maven's child, and must not outlive it. */
    static final String EXIT_WITH_PARENT = "PLATFORM_EXIT_WITH_PARENT";

    private PlatformMain() {
    }

    /**
     * A SIGTERM to Maven ends Maven, not the JVM it forked; without this, the platform would keep every port and its
     * PostgreSQL. When the parent process ends, for whatever reason, the platform shuts down as on Ctrl-C.
     */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("The process that started the platform (pid " + parent.pid() + ") has ended.");
            System.exit(143);
        }));
    }

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        PlatformSettings settings = PlatformSettings.from(System.getenv(), properties);
        EmbeddedPlatform platform = EmbeddedPlatform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform ...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "platform-shutdown"));

        if ("true".equalsIgnoreCase(System.getenv(EXIT_WITH_PARENT))) {
            exitWithParent();
        }

        System.out.println();
        System.out.printf("Patient-safety platform running (started in %.1f s, data in %s):%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0, settings.dataDir());
        platform.urls().forEach((name, url) -> System.out.printf("  %-18s %s%n", name, url));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
