package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.delivery.DeliveryQueue;
import dk.rm.patientsafety.events.FollowUpAction;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Queues what a follow-up step sends, in the step's transaction: a mail to the mailboxes it hands the alert to, and
 * the step with the alert as it now stands to every webhook subscriber covering its units. Event id {@code alertId|sequence}.
 */
@Singleton
public class AlertDelivery {

    /** What a webhook subscriber receives: the step and the alert after it. */
    @Serdeable
    public record Payload(String eventId, HistoryStep step, AlertView alert) {
    }

    private final DeliveryQueue queue;
    private final AlertMessages messages;
    private final JsonMapper json;

    public AlertDelivery(DeliveryQueue queue, AlertMessages messages, JsonMapper json) {
        this.queue = queue;
        this.messages = messages;
        this.json = json;
    }

    void announce(StoredAlert after, AlertEventRow step) {
        String eventId = AlertEventRelay.key(step.alertId(), step.sequence());
        FollowUpAction action = FollowUpAction.valueOf(step.action());
        List<String> told = step.recipientList();
        if (!told.isEmpty() && AlertMessages.tells(action)) {
            queue.mail(eventId, told, messages.subject(action, after), messages.text(action, after, step.note(), after.escalateAt()));
        }
        try {
            queue.post(eventId, after.addressee().lineage(), json.writeValueAsString(new Payload(eventId, step.view(), after.view())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
