package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * The configured webhook subscribers ({@code delivery.webhooks.<name>.*}), checked at start-up. Apart from the other
 * delivery beans: a service may need to know its subscribers (to check a subscription's target) before it delivers.
 */
@Factory
public class WebhookBeans {

    @Singleton
    Webhooks webhooks(List<WebhookProperties> configured) {
        return new Webhooks(configured.stream()
                .map(p -> new WebhookSubscriber(p.getName(), p.getUrl() == null ? null : URI.create(p.getUrl()), p.getSecret(), p.getUnits()))
                .toList());
    }
}
