package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.delivery.EventFeed;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every alert's follow-up steps in event_no order, live, each with the alert as it now stands: the officers' stream. */
@Context
public class AlertStepFeed {

    private final EventFeed<AlertDelivery.Payload> feed;

    public AlertStepFeed(AlertRepository repository, @Value("${alerting.stream.poll:250ms}") Duration poll,
                         @Value("${alerting.stream.buffer:10000}") int buffer) {
        this.feed = new EventFeed<>("alert-steps", new EventFeed.Source<>() {
            @Override
            public List<EventFeed.Item<AlertDelivery.Payload>> after(long id, int limit) {
                List<AlertEventRow> steps = repository.stepsAfter(id, limit);
                if (steps.isEmpty()) {
                    return List.of();
                }
                Map<String, StoredAlert> alerts = repository.findAll(steps.stream().map(AlertEventRow::alertId).distinct().toList())
                        .stream().collect(Collectors.toMap(StoredAlert::alertId, Function.identity()));
                return steps.stream().map(step -> new EventFeed.Item<>(step.eventNo(), new AlertDelivery.Payload(
                        AlertEventRelay.key(step.alertId(), step.sequence()), step.view(), alerts.get(step.alertId()).view()))).toList();
            }

            @Override
            public long head() {
                return repository.lastEventNo();
            }
        }, poll, buffer);
    }

    /** Steps after {@code lastEventId} (or from now, if null) that {@code visible} lets through. */
    public Flux<EventFeed.Item<AlertDelivery.Payload>> subscribe(Long lastEventId, Predicate<AlertDelivery.Payload> visible) {
        return feed.subscribe(lastEventId == null ? feed.head() : lastEventId, visible);
    }

    @TransactionalEventListener
    void stepCommitted(AlertLifecycle.StepRecorded step) {
        feed.wake();
    }

    @PreDestroy
    void close() {
        feed.close();
    }
}
