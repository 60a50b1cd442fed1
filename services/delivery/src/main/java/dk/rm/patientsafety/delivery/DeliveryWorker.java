package dk.rm.patientsafety.delivery;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.service.DeadLetters;
import dk.rm.patientsafety.service.health.DeadLetterMetrics;
import dk.rm.patientsafety.service.polling.PollingLoop;
import dk.rm.patientsafety.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tries the due deliveries: woken when a queuing transaction commits, and every {@link #PAUSE} anyway (a database that is away
 * is waited for: the deliveries stay in the table). A failed try waits as
 * the {@link Backoff} says; after the last, or at once when the receiver refused the request, the delivery is DEAD
 * and dead-lettered with the reason, so nothing is dropped unseen.
 */
@Context
@Requires(property = DeliveryQueue.ENABLED, value = "true")
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    static final Duration PAUSE = Duration.ofMillis(250);
    private static final int SENDERS = 8;
    /** Dead letters from the queue name it as their source; it is a table, so partition and offset are -1. */
    public static final String SOURCE = "delivery-queue";

    private final DeliveryRepository repository;
    private final DeliveryClaims claims;
    private final MailChannel mail;
    private final WebhookChannel webhook;
    private final Webhooks webhooks;
    private final Backoff backoff;
    private final Producer<String, DeadLetter> deadLetters;
    private final DeadLetterMetrics metrics;
    private final String service;
    private final Clock clock = Clock.systemUTC();
    private final java.util.concurrent.ExecutorService senders;
    private final PollingLoop loop;

    public DeliveryWorker(DeliveryRepository repository, DeliveryClaims claims, MailChannel mail, WebhookChannel webhook, Webhooks webhooks,
                          Backoff backoff, Producer<String, DeadLetter> deadLetters, DeadLetterMetrics metrics,
                          @Value("${micronaut.application.name}") String service) {
        this.repository = repository;
        this.claims = claims;
        this.mail = mail;
        this.webhook = webhook;
        this.webhooks = webhooks;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.service = service + "-delivery";
        this.senders = java.util.concurrent.Executors.newFixedThreadPool(SENDERS, runnable -> {
            Thread sender = new Thread(runnable, "delivery-sender");
            sender.setDaemon(true);
            return sender;
        });
        this.loop = PollingLoop.start("delivery-worker", PAUSE, () -> deliverDue(clock.instant()) > 0);
    }

    @TransactionalEventListener
    void queued(DeliveryQueue.Queued queued) {
        loop.wake();
    }

    /** One round at {@code now}: every delivery due then is tried once; the number tried. Public so a test can set the time. */
    public int deliverDue(Instant now) {
        List<StoredDelivery> claimed = claims.claim(now);
        // The tries of a round run side by side: a slow mail server or subscriber holds up no one else.
        List<java.util.concurrent.Future<?>> tries = claimed.stream().<java.util.concurrent.Future<?>>map(d -> senders.submit(() -> attempt(d, now))).toList();
        for (java.util.concurrent.Future<?> attempt : tries) {
            try {
                attempt.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("A delivery try failed unexpectedly: {}; its lease runs out and it is tried again", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return claimed.size();
    }

    private void attempt(StoredDelivery delivery, Instant now) {
        try {
            send(delivery);
            repository.delivered(delivery.deliveryId(), clock.instant());
        } catch (DeliveryFailure failure) {
            Duration wait = failure.permanent() ? null : backoff.after(delivery.tries() + 1);
            if (wait == null) {
                String reason = failure.getMessage() + " (" + (delivery.tries() + 1) + (delivery.tries() == 0 ? " try)" : " tries)");
                repository.dead(delivery.deliveryId(), reason);
                deadLetter(delivery, failure.permanent() ? "DELIVERY_REFUSED" : "DELIVERY_EXHAUSTED", reason);
            } else {
                // From when the try failed, not when the round began: a slow try before it must not eat the wait.
                Instant failedAt = clock.instant().isAfter(now) ? clock.instant() : now;
                repository.failed(delivery.deliveryId(), failedAt.plus(wait), failure.getMessage());
                LOG.info("Delivery {} {} failed ({}); next try in {}", delivery.channel(), delivery.eventId(), failure.getMessage(), wait);
            }
        }
    }

    private void send(StoredDelivery delivery) throws DeliveryFailure {
        switch (Channel.valueOf(delivery.channel())) {
            case EMAIL -> mail.send(delivery.target(), delivery.subject(), delivery.body(), messageId(delivery));
            case WEBHOOK -> webhook.send(webhooks.named(delivery.target())
                    .orElseThrow(() -> new DeliveryFailure("no webhook subscriber " + delivery.target() + " is configured", true)),
                    delivery.eventId(), delivery.body());
        }
    }

    /** The same delivery always gets the same Message-ID, so a mail sent again after a crash is recognisably a repeat. */
    private static String messageId(StoredDelivery delivery) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(delivery.deliveryId().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deadLetter(StoredDelivery delivery, String code, String reason) {
        LOG.warn("Delivery {} of event {} to {} given up: {}", delivery.channel(), delivery.eventId(), delivery.channel().equals("EMAIL")
                ? "a mailbox" : delivery.target(), reason);
        DeadLetter letter = DeadLetters.of(service, SOURCE + ":" + delivery.channel().toLowerCase(java.util.Locale.ROOT), -1, -1,
                delivery.deliveryId().getBytes(StandardCharsets.UTF_8), delivery.body().getBytes(StandardCharsets.UTF_8), code, reason,
                clock.instant());
        try {
            deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), delivery.deliveryId(), letter)).get();
            metrics.deadLettered(service, code);
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Dead letter for delivery of event {} not sent: {}; it stays DEAD in the table", delivery.eventId(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
        senders.shutdownNow();
    }
}
