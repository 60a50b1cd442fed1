package dk.rm.patientsafety.delivery;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFeedTest {

    /** A source whose events are appended while feeds read it. */
    private static class Log implements EventFeed.Source<String> {
        private final List<EventFeed.Item<String>> items = new CopyOnWriteArrayList<>();

        void append(String data) {
            items.add(new EventFeed.Item<>(items.size() + 1, data));
        }

        @Override
        public List<EventFeed.Item<String>> after(long id, int limit) {
            return items.stream().filter(i -> i.id() > id).limit(limit).toList();
        }

        @Override
        public long head() {
            return items.isEmpty() ? 0 : items.get(items.size() - 1).id();
        }
    }

    private static List<Long> ids(Flux<EventFeed.Item<String>> flux, int count) {
        return flux.take(count).map(EventFeed.Item::id).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void aReconnectionFromItsLastIdGetsTheBacklogThenTheLiveEventsWithoutGapOrRepeat() throws Exception {
        Log log = new Log();
        for (int i = 0; i < 1_200; i++) {
            log.append(i % 2 == 0 ? "aarhus" : "randers");
        }
        try (EventFeed<String> feed = new EventFeed<>("test", log, Duration.ofMillis(20), 10_000)) {
            Flux<EventFeed.Item<String>> flux = feed.subscribe(100, data -> true);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    log.append("aarhus");
                }
                feed.wake();
            });
            thread.start();
            List<Long> got = ids(flux, 1_400);
            List<Long> expected = new ArrayList<>();
            for (long id = 101; id <= 1_500; id++) {
                expected.add(id);
            }
            assertEquals(expected, got);
        }
    }

    @Test
    void aSubscriberSeesOnlyWhatItMaySee() {
        Log log = new Log();
        for (int i = 0; i < 10; i++) {
            log.append(i % 2 == 0 ? "aarhus" : "randers");
        }
        try (EventFeed<String> feed = new EventFeed<>("test", log, Duration.ofMillis(20), 100)) {
            List<String> got = feed.subscribe(0, "randers"::equals).take(5).map(EventFeed.Item::data).collectList().block(Duration.ofSeconds(5));
            assertEquals(List.of("randers", "randers", "randers", "randers", "randers"), got);
        }
    }

    @Test
    void aSubscriberTooFarBehindIsEndedAndCatchesUpOnReconnection() throws Exception {
        Log log = new Log();
        try (EventFeed<String> feed = new EventFeed<>("test", log, Duration.ofMillis(10), 5)) {
            List<Long> got = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
            reactor.core.publisher.BaseSubscriber<EventFeed.Item<String>> slow = new reactor.core.publisher.BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                    request(1); // and no more for now: a client that stopped reading
                }

                @Override
                protected void hookOnNext(EventFeed.Item<String> item) {
                    got.add(item.id());
                }

                @Override
                protected void hookOnComplete() {
                    ended.countDown();
                }
            };
            feed.subscribe(0, data -> true).subscribe(slow);
            Thread.sleep(200);
            for (int i = 0; i < 50; i++) {
                log.append("x");
            }
            feed.wake();
            Thread.sleep(300);
            slow.request(Long.MAX_VALUE);
            assertTrue(ended.await(5, java.util.concurrent.TimeUnit.SECONDS), "a subscriber too far behind is ended: " + got);
            assertTrue(got.size() < 50 && !got.isEmpty(), "with what it had taken and buffered: " + got);
            long last = got.get(got.size() - 1);
            List<Long> rest = ids(feed.subscribe(last, data -> true), (int) (50 - last));
            assertEquals(last + 1, rest.get(0), "the rest after its last id");
            assertEquals(50L, rest.get(rest.size() - 1));
            Thread.sleep(100);
            assertEquals(0, feed.subscriberCount(), "ended or cancelled, a subscriber is let go");
        }
    }

    @Test
    void liveEventsOverflowingWhileTheBacklogIsReadLeaveNoGapAndNoRepeat() throws Exception {
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        Log log = new Log() {
            @Override
            public List<EventFeed.Item<String>> after(long id, int limit) {
                if (!Thread.currentThread().getName().equals("test-feed")) {
                    try {
                        released.await(); // the backlog is slow to read: live events pile up meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.after(id, limit);
            }
        };
        for (int i = 0; i < 100; i++) {
            log.append("x");
        }
        try (EventFeed<String> feed = new EventFeed<>("test", log, Duration.ofMillis(5), 4)) {
            // Subscribed at once (toFuture), so the subscriber is reading its backlog while the live events arrive.
            java.util.concurrent.CompletableFuture<List<Long>> got = feed.subscribe(0, data -> true).take(200).map(EventFeed.Item::id)
                    .collectList().toFuture();
            Thread.sleep(100); // subscribed, reading the backlog
            for (int i = 0; i < 100; i++) {
                log.append("x");
            }
            feed.wake();
            Thread.sleep(100); // the live events overflow the pending buffer of 4
            released.countDown();
            List<Long> ids = got.get(10, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++) {
                assertEquals(i + 1, ids.get(i));
            }
        }
    }
}
