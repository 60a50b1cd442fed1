package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.delivery.DeliveryQueue;
import dk.rm.patientsafety.events.LearningSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Queues a summary for its subscription's channel, in one transaction. A webhook gets every version (event id
 * {@code summary|<key>|<digest>}), so a replay or a resend queues nothing twice. A mailbox gets a period once, its first
 * version (event id {@code summary|<key>}: the queue keeps the first), and only a period that ended within
 * {@code learning.mail.max-age}: a resumed or changed subscription does not mail a year of old periods.
 */
@Singleton
public class SummaryOutbox {

    private final SubscriptionRepository subscriptions;
    private final DeliveryQueue queue;
    private final JsonMapper json;
    private final Duration mailMaxAge;
    private final Clock clock = Clock.systemUTC();

    public SummaryOutbox(SubscriptionRepository subscriptions, DeliveryQueue queue, JsonMapper json,
                         @Value("${learning.mail.max-age:35d}") Duration mailMaxAge) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.json = json;
        this.mailMaxAge = mailMaxAge;
    }

    /** What was queued: the channel, or empty when the subscription takes nothing now (paused, deleted, topic or page only). */
    @Transactional
    public Optional<FeedChannel> deliver(String key, LearningSummary summary) {
        Optional<StoredSubscription> subscription = subscriptions.findActive(summary.getSubscriptionId());
        if (subscription.isEmpty() || subscription.get().target() == null) {
            return Optional.empty();
        }
        FeedChannel channel = FeedChannel.valueOf(subscription.get().channel());
        String target = subscription.get().target();
        if (channel == FeedChannel.WEBHOOK) {
            try {
                String eventId = "summary|" + key + "|" + summary.getDigest();
                return queue.postTo(eventId, target, json.writeValueAsString(SummaryJson.tree(summary))) ? Optional.of(channel) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (channel == FeedChannel.EMAIL && recent(summary.getPeriodEnd(), clock.instant(), mailMaxAge)) {
            queue.mail("summary|" + key, List.of(target), SummaryText.subject(summary), SummaryText.text(summary));
            return Optional.of(channel);
        }
        return Optional.empty();
    }

    /** Whether a period that ended on {@code lastDay} (Danish time) ended within {@code maxAge} of {@code now}. */
    static boolean recent(LocalDate lastDay, Instant now, Duration maxAge) {
        return lastDay.plusDays(1).atStartOfDay(SummaryPublisher.DENMARK).toInstant().isAfter(now.minus(maxAge));
    }
}
