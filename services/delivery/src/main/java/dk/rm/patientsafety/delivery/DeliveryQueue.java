package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Where a service puts what must go out: called inside the transaction that records the event, so an event is
 * never recorded without its deliveries nor the other way round. Each (event, channel, target) is queued once.
 */
@Singleton
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public class DeliveryQueue {

    /** A service that delivers sets this; the others (in the embedded platform's one JVM) load none of these beans. */
    public static final String ENABLED = "delivery.enabled";

    private final DeliveryRepository repository;
    private final Webhooks webhooks;
    private final Clock clock = Clock.systemUTC();
    private final ApplicationEventPublisher<Queued> events;

    private final boolean mailEnabled;

    /** Published in the queuing transaction; the worker hears of it once that commits, when the rows can be read. */
    public record Queued(String eventId) {
    }

    public DeliveryQueue(DeliveryRepository repository, Webhooks webhooks, ApplicationEventPublisher<Queued> events,
                         @io.micronaut.context.annotation.Value("${delivery.mail.enabled:false}") boolean mailEnabled) {
        this.repository = repository;
        this.mailEnabled = mailEnabled;
        this.webhooks = webhooks;
        this.events = events;
    }

    /** A mail to each address; none while {@code delivery.mail.enabled} is false (the event still names its recipients). */
    public void mail(String eventId, List<String> addresses, String subject, String text) {
        if (!mailEnabled) {
            return;
        }
        for (String address : addresses) {
            repository.enqueue(id(eventId, Channel.EMAIL, address), eventId, Channel.EMAIL.name(), address,
                    subject.replaceAll("\\p{Cntrl}", " "), text, clock.instant());
        }
        events.publishEvent(new Queued(eventId));
    }

    /** The JSON to every webhook subscriber covering a unit of {@code lineage}; the subscribers it went to. */
    public List<String> post(String eventId, List<String> lineage, String json) {
        List<String> to = webhooks.covering(lineage).stream().map(WebhookSubscriber::name).toList();
        for (String subscriber : to) {
            repository.enqueue(id(eventId, Channel.WEBHOOK, subscriber), eventId, Channel.WEBHOOK.name(), subscriber, null, json, clock.instant());
        }
        events.publishEvent(new Queued(eventId));
        return to;
    }

    /** The JSON to the one webhook subscriber named, if it is configured; whether it was queued. */
    public boolean postTo(String eventId, String subscriber, String json) {
        if (webhooks.named(subscriber).isEmpty()) {
            return false;
        }
        repository.enqueue(id(eventId, Channel.WEBHOOK, subscriber), eventId, Channel.WEBHOOK.name(), subscriber, null, json, clock.instant());
        events.publishEvent(new Queued(eventId));
        return true;
    }

    public List<StoredDelivery> ofEvent(String eventId) {
        return repository.ofEvent(eventId);
    }

    static String id(String eventId, Channel channel, String target) {
        return eventId + "|" + channel + "|" + target;
    }
}
