package dk.rm.patientsafety.alerting;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Escalates the open alerts whose time ran out, every {@code alerting.escalation.sweep-interval}. */
@Singleton
public class EscalationSweep {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationSweep.class);

    private final AlertLifecycle lifecycle;
    private final Clock clock = Clock.systemUTC();

    public EscalationSweep(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelay = "${alerting.escalation.sweep-interval:30s}", initialDelay = "${alerting.escalation.sweep-interval:30s}")
    void sweep() {
        try {
            int escalated;
            do {
                escalated = lifecycle.escalateDue(clock.instant());
                if (escalated > 0) {
                    LOG.info("Escalated {} alerts not acknowledged in time", escalated);
                }
            } while (escalated > 0);
        } catch (RuntimeException e) {
            // The database is away: the due alerts stay due, and the next sweep takes them.
            LOG.warn("Escalation sweep failed: {}", e.toString());
        }
    }
}
