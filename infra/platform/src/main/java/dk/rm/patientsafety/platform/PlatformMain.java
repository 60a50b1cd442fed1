package dk.rm.patientsafety.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the whole platform on the embedded default until Ctrl-C. */
public final class PlatformMain {

    private PlatformMain() {
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

        System.out.println();
        System.out.printf("Patient-safety platform running (started in %.1f s, data in %s):%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0, settings.dataDir());
        platform.urls().forEach((name, url) -> System.out.printf("  %-18s %s%n", name, url));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
