package dk.rm.patientsafety.delivery;

import java.util.List;
import java.util.Optional;

/** The configured webhook subscribers ({@code delivery.webhooks.<name>.url|secret|units}). */
public record Webhooks(List<WebhookSubscriber> subscribers) {

    public Webhooks {
        subscribers = List.copyOf(subscribers);
    }

    public List<WebhookSubscriber> covering(List<String> lineage) {
        return subscribers.stream().filter(s -> s.covers(lineage)).toList();
    }

    public Optional<WebhookSubscriber> named(String name) {
        return subscribers.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
