package dk.rm.patientsafety.service.polling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A thread that does rounds of work from a table or a source: the next round at once while a round finds work, else
 * after {@code pause} or when {@link #wake() woken}. A round that fails (the database or the broker is away) is logged
 * and tried again a second later; the work waits where it is.
 */
public final class PollingLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    /** One round; true if it found work, so the next round follows at once. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws InterruptedException;
    }

    private final String name;
    private final Duration pause;
    private final Round round;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    private PollingLoop(String name, Duration pause, Round round) {
        this.name = name;
        this.pause = pause;
        this.round = round;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    public static PollingLoop start(String name, Duration pause, Round round) {
        PollingLoop loop = new PollingLoop(name, pause, round);
        loop.thread.start();
        return loop;
    }

    /** Something new is there: the next round now rather than after the pause. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!round.run()) {
                    wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: round failed, trying again: {}", name, e.toString());
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops after the round under way, waiting for it at most {@code within}. */
    public void stop(Duration within) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(within.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(10));
    }
}
