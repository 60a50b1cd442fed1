package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.testkit.TestIdentityProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events client as a dashboard is one: reads the stream line by line and parses its events. */
final class SseClient implements AutoCloseable {

    /** One event: its id, name and data. */
    record Event(String id, String name, String data, Instant at, long nanos) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    private SseClient(String url, String account, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", TestIdentityProvider.bearer(account)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        lines = response.body();
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String url, String account, String lastEventId) throws Exception {
        return new SseClient(url, account, lastEventId);
    }

    private void read() {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0 && !"heartbeat".equals(current[1])) {
                        Event event = new Event(current[0], current[1], data.toString(), Instant.now(), System.nanoTime());
                        seen.add(event);
                        events.add(event);
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            });
        } catch (RuntimeException e) {
            // closed
        }
    }

    /** The next event that matches, waiting at most {@code within}; events before it that do not match are passed over. */
    Event next(Predicate<Event> matching, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Event event = events.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (event != null && matching.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no matching event within " + within + "; seen " + seen);
    }

    List<Event> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
