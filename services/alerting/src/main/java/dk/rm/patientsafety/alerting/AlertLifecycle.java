package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.UnitScope;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * Takes an alert's follow-up steps ({@link FollowUp}): each one locks the alert's row, writes its event with the
 * next sequence number and the new state in one transaction; the relay publishes the event. A person's step names
 * their token's subject; a withdrawal or a raise again by the cause names {@code system}.
 */
@Singleton
public class AlertLifecycle {

    static final String SYSTEM = "system";

    /** What a step came to. */
    public sealed interface Outcome permits Done, NotFound, Conflict {
    }

    public record Done(AlertView alert) implements Outcome {
    }

    /** Unknown, or outside the caller's units: the same answer, so an alert's existence is not learnt from it. */
    public record NotFound() implements Outcome {
    }

    public record Conflict(String detail) implements Outcome {
    }

    private final AlertRepository repository;
    private final UnitScope scope;
    private final Clock clock = Clock.systemUTC();

    public AlertLifecycle(AlertRepository repository, UnitScope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    @Transactional
    public Outcome step(String alertId, FollowUpAction action, Caller caller, String note) {
        Optional<StoredAlert> found = repository.findForUpdate(alertId);
        if (found.isEmpty() || !scope.covers(caller, found.get().incidentLocation())) {
            return new NotFound();
        }
        StoredAlert alert = found.get();
        if (!alert.status().equals(AlertStatus.ACTIVE.name())) {
            return new Conflict("The alert is " + alert.status() + ": only an active alert is followed up");
        }
        FollowUpStatus from = FollowUpStatus.valueOf(alert.followUp());
        Optional<FollowUpStatus> to = FollowUp.step(from, action);
        if (to.isEmpty()) {
            return new Conflict("An alert that is " + from + " cannot be " + action);
        }
        record(alert.alertId(), action, from, to.get(), caller.subject(), note);
        return new Done(repository.find(alertId).orElseThrow().view());
    }

    /**
     * The cause's status changed on the alerts topic: withdrawn (reclassified, signal cleared) withdraws the follow-up,
     * active again after a withdrawal opens it again. A replayed status finds the follow-up already there and writes nothing.
     */
    @Transactional
    public void causeChanged(String alertId) {
        repository.findForUpdate(alertId).ifPresent(alert -> {
            FollowUpStatus from = FollowUpStatus.valueOf(alert.followUp());
            if (alert.status().equals(AlertStatus.WITHDRAWN.name()) && from != FollowUpStatus.WITHDRAWN) {
                record(alertId, FollowUpAction.WITHDRAWN, from, FollowUpStatus.WITHDRAWN, SYSTEM, null);
            } else if (alert.status().equals(AlertStatus.ACTIVE.name()) && from == FollowUpStatus.WITHDRAWN) {
                record(alertId, FollowUpAction.RAISED_AGAIN, from, FollowUpStatus.OPEN, SYSTEM, null);
            }
        });
    }

    private void record(String alertId, FollowUpAction action, FollowUpStatus from, FollowUpStatus to, String actor, String note) {
        repository.insertEvent(alertId, repository.lastSequence(alertId) + 1, action.name(), from.name(), to.name(), actor, note,
                clock.instant());
        repository.setFollowUp(alertId, to.name());
    }
}
