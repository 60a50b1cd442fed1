package dk.rm.patientsafety.delivery;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The channels and the retry policy, from {@code delivery.*}. */
@Factory
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public class DeliveryBeans {

    @Singleton
    MailChannel mailChannel(@Value("${delivery.mail.host:localhost}") String host, @Value("${delivery.mail.port:25}") int port,
                            @Value("${delivery.mail.from:patientsikkerhed@localhost.example}") String from,
                            @Value("${delivery.mail.username:}") String username, @Value("${delivery.mail.password:}") String password,
                            @Value("${delivery.mail.start-tls:false}") boolean startTls) {
        return new MailChannel(new MailSettings(host, port, from, username, password, startTls));
    }

    @Singleton
    WebhookChannel webhookChannel() {
        return new WebhookChannel(Clock.systemUTC());
    }

    @Singleton
    Backoff backoff(@Value("${delivery.retry.first:10s}") Duration first, @Value("${delivery.retry.max:30m}") Duration max,
                    @Value("${delivery.retry.tries:8}") int tries) {
        return new Backoff(first, max, tries);
    }
}
