package dk.rm.patientsafety.delivery;

import dk.rm.patientsafety.service.polling.PollingLoop;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A live feed of a source's events in id order, for Server-Sent Events: one poller per feed fans new events out to
 * every subscriber; a subscriber that names the last id it saw (SSE's {@code Last-Event-ID}) first gets everything after
 * it from the source, then the live events, without a gap or a repeat. A subscriber that falls too far behind is ended,
 * and its reconnection with its last id catches up from the source, so nothing is lost and memory stays bounded.
 */
public final class EventFeed<T> implements AutoCloseable {

    private static final int PAGE = 500;

    /** Where events come from: ids only grow, and an event is visible to {@link #after} only once it can no longer be overtaken. */
    public interface Source<T> {
        List<Item<T>> after(long id, int limit);

        long head();
    }

    public record Item<T>(long id, T data) {
    }

    private final Source<T> source;
    private final int bufferLimit;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final PollingLoop poller;
    private volatile long head;

    public EventFeed(String name, Source<T> source, Duration poll, int bufferLimit) {
        this.source = source;
        this.bufferLimit = bufferLimit;
        this.head = source.head();
        // A source that is away (a database) is waited for: subscribers get everything once it is back.
        this.poller = PollingLoop.start(name + "-feed", poll, this::pollOnce);
    }

    /** Something new was committed: look now rather than at the next poll. */
    public void wake() {
        poller.wake();
    }

    /**
     * The events after {@code lastEventId} that {@code visible} lets through, then the live ones. The backlog is read from
     * the source page by page as the client takes it (on a worker thread, never the caller's), so a long one costs no memory.
     */
    public Flux<Item<T>> subscribe(long lastEventId, Predicate<T> visible) {
        // Registered when subscribed to, not when asked for: a stream nobody reads holds nothing.
        return Flux.defer(() -> {
            Subscriber subscriber = new Subscriber(lastEventId, visible);
            subscribers.add(subscriber);
            Flux<Item<T>> backlog = Flux.<List<Item<T>>>generate(pages -> {
                List<Item<T>> page = subscriber.nextBacklogPage();
                if (page == null) {
                    pages.complete();
                } else {
                    pages.next(page);
                }
            }).concatMapIterable(page -> page).subscribeOn(Schedulers.boundedElastic());
            return Flux.concat(backlog, subscriber.sink.asFlux()).doFinally(signal -> subscribers.remove(subscriber));
        });
    }

    /** The id of the newest event the feed has seen. */
    public long head() {
        return head;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private boolean pollOnce() {
        List<Item<T>> news = source.after(head, PAGE);
        if (!news.isEmpty()) {
            head = news.get(news.size() - 1).id();
            subscribers.forEach(s -> s.push(news));
        }
        return news.size() == PAGE;
    }

    @Override
    public void close() {
        try {
            poller.stop(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscribers.forEach(s -> s.sink.tryEmitComplete());
    }

    private final class Subscriber {

        private final Sinks.Many<Item<T>> sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Item<T>>get(bufferLimit).get());
        private final Predicate<T> visible;
        private final List<Item<T>> pending = new ArrayList<>();
        /** The highest id taken, from the backlog or live. */
        private long last;
        private boolean catchingUp = true;
        /** Live events came faster than the backlog was read and were dropped: read the source once more. */
        private boolean missed;
        private boolean ended;

        Subscriber(long lastEventId, Predicate<T> visible) {
            this.last = lastEventId;
            this.visible = visible;
        }

        /** The next page of the backlog, visible events only; null once caught up and switched to the live events. */
        List<Item<T>> nextBacklogPage() {
            List<Item<T>> page = source.after(last, PAGE);
            synchronized (this) {
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1).id();
                    return page.stream().filter(item -> visible.test(item.data())).toList();
                }
                if (missed) {
                    missed = false;
                    return List.of();
                }
                catchingUp = false;
                pending.forEach(this::emit);
                pending.clear();
                return null;
            }
        }

        synchronized void push(List<Item<T>> items) {
            if (!catchingUp) {
                items.forEach(this::emit);
            } else if (pending.size() + items.size() > bufferLimit) {
                pending.clear();
                missed = true;
            } else {
                pending.addAll(items);
            }
        }

        private void emit(Item<T> item) {
            if (ended || item.id() <= last) {
                return;
            }
            last = item.id();
            if (visible.test(item.data()) && sink.tryEmitNext(item).isFailure()) {
                // Too far behind, or gone: end the stream; a reconnection from its last id loses nothing.
                ended = true;
                sink.tryEmitComplete();
            }
        }
    }
}
