package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.UnitScope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes an alert's follow-up steps ({@link FollowUp}): each one locks the alert's row, writes its event with the
 * next sequence number and the new state in one transaction; the relay publishes the event. A person's step names
 * their token's subject; a raise, an escalation, a withdrawal or a raise again by the cause names {@code system}.
 */
@Singleton
public class AlertLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycle.class);

    static final String SYSTEM = "system";
    private static final int SWEEP_BATCH = 100;

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
    private final AlertRecipients recipients;
    private final EscalationRule escalation;
    private final AlertDelivery delivery;
    private final ApplicationEventPublisher<StepRecorded> events;
    private final Clock clock = Clock.systemUTC();

    public AlertLifecycle(AlertRepository repository, UnitScope scope, AlertRecipients recipients, EscalationRule escalation,
                          AlertDelivery delivery, ApplicationEventPublisher<StepRecorded> events) {
        this.repository = repository;
        this.events = events;
        this.delivery = delivery;
        this.scope = scope;
        this.recipients = recipients;
        this.escalation = escalation;
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
        Instant now = clock.instant();
        // Reopened, the alert is back with everyone who had it, and on the clock again.
        List<String> told = to.get() == FollowUpStatus.OPEN ? recipients.everyoneAt(alert.escalationLevel(), alert.addressee()) : List.of();
        return new Done(record(alert, action, from, to.get(), caller.subject(), note, now, alert.escalationLevel(), told, now).view());
    }

    /** Runs {@code work} in one transaction: the projection stores a poll's alerts with one commit. */
    @Transactional
    public void inOneTransaction(Runnable work) {
        work.run();
    }

    /** Stores an alert from the topic ({@code upsert}) and brings its follow-up in line, in one transaction. */
    @Transactional
    public void stored(String alertId, Runnable upsert) {
        upsert.run();
        causeChanged(alertId);
    }

    /**
     * The cause's status changed on the alerts topic: a new active alert is raised to its first recipients, withdrawn
     * (reclassified, signal cleared) withdraws the follow-up, active again after a withdrawal opens it again. A replayed
     * status finds the follow-up already there and writes nothing.
     */
    @Transactional
    public void causeChanged(String alertId) {
        repository.findForUpdate(alertId).ifPresent(alert -> {
            FollowUpStatus from = FollowUpStatus.valueOf(alert.followUp());
            boolean active = alert.status().equals(AlertStatus.ACTIVE.name());
            // An open alert that was raised has a deadline or has reached the top; only one with neither may be new.
            boolean maybeNew = alert.escalateAt() == null && alert.escalationLevel() == 0;
            if (active && from == FollowUpStatus.OPEN && maybeNew && repository.lastSequence(alertId) == 0) {
                record(alert, FollowUpAction.RAISED, from, FollowUpStatus.OPEN, SYSTEM, null, alert.raisedAt(), 0,
                        recipients.newAt(0, alert.addressee()), alert.raisedAt());
            } else if (alert.status().equals(AlertStatus.WITHDRAWN.name()) && from != FollowUpStatus.WITHDRAWN) {
                record(alert, FollowUpAction.WITHDRAWN, from, FollowUpStatus.WITHDRAWN, SYSTEM, null, clock.instant(),
                        alert.escalationLevel(), List.of(), null);
            } else if (active && from == FollowUpStatus.WITHDRAWN) {
                Instant now = clock.instant();
                record(alert, FollowUpAction.RAISED_AGAIN, from, FollowUpStatus.OPEN, SYSTEM, null, now, alert.escalationLevel(),
                        recipients.everyoneAt(alert.escalationLevel(), alert.addressee()), now);
            }
        });
    }

    /**
     * Takes every open alert whose time to be acknowledged ran out by {@code now} one level up, to the recipients the
     * new level adds; the number escalated. The time is a parameter so the sweep can be driven by any clock.
     */
    @Transactional
    public int escalateDue(Instant now) {
        List<StoredAlert> due = repository.dueForEscalation(now, SWEEP_BATCH);
        for (StoredAlert alert : due) {
            int level = alert.escalationLevel() + 1;
            String note = EscalationNotes.escalated(level, escalation.within(alert.overallSeverity()));
            // The next level's time runs from when this one was due, so a late sweep does not push the deadline out.
            record(alert, FollowUpAction.ESCALATED, FollowUpStatus.OPEN, FollowUpStatus.OPEN, SYSTEM, note, now, level,
                    recipients.newAt(level, alert.addressee()), alert.escalateAt());
        }
        return due.size();
    }

    /**
     * Writes the step and the alert's new state; {@code clockFrom} starts the time to acknowledge if the alert is left
     * open. The alert as the step left it.
     */
    private StoredAlert record(StoredAlert alert, FollowUpAction action, FollowUpStatus from, FollowUpStatus to, String actor, String note,
                        Instant at, int level, List<String> told, Instant clockFrom) {
        repository.lockEventOrder();
        AlertEventRow step = new AlertEventRow(alert.alertId(), repository.lastSequence(alert.alertId()) + 1, action.name(), from.name(),
                to.name(), actor, note, at, level, StoredAlert.listColumn(told), 0);
        repository.insertEvent(step.alertId(), step.sequence(), step.action(), step.fromStatus(), step.toStatus(), step.actor(), step.note(),
                step.at(), step.escalationLevel(), step.recipients());
        Instant escalateAt = to == FollowUpStatus.OPEN && clockFrom != null
                ? escalation.next(alert.overallSeverity(), level, clockFrom).orElse(null) : null;
        repository.setFollowUp(alert.alertId(), to.name(), level, escalateAt);
        // The row is locked by this transaction, so it is what was read with the follow-up just set: no need to read it again.
        StoredAlert after = alert.followedUp(to.name(), level, escalateAt);
        delivery.announce(after, step);
        LOG.info("Alert {}: {} by {} (level {}, {} recipients told)", alert.alertId(), action, actor.equals(SYSTEM) ? SYSTEM : "a user",
                level, told.size());
        events.publishEvent(new StepRecorded(alert.alertId()));
        return after;
    }

    /** Published in a step's transaction; listeners that wait for the commit hear of it after. */
    public record StepRecorded(String alertId) {
    }
}
