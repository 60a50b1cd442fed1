package dk.rm.patientsafety.testkit;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP server per test JVM that receives webhooks as a subscriber would, keeps every request, and answers 500
 * to the events a test tells it to refuse, as many times as told.
 */
public final class TestWebhookReceiver {

    /** The secret the test platform's subscriber signs with. */
    public static final String SECRET = "test-webhook-secret-that-is-long-enough";
    private static TestWebhookReceiver shared;

    /** One request as it arrived. */
    public record Request(String eventId, String timestamp, String signature, String body, int answered, Instant at, long nanos) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private TestWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String eventId = exchange.getRequestHeaders().getFirst("X-Patientsafety-Event-Id");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            AtomicInteger refuse = refusals.entrySet().stream().filter(e -> eventId != null && eventId.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            int status = refuse != null && refuse.getAndDecrement() > 0 ? 500 : 204;
            requests.add(new Request(eventId, exchange.getRequestHeaders().getFirst("X-Patientsafety-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Patientsafety-Signature"), body, status, Instant.now(), System.nanoTime()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static synchronized TestWebhookReceiver shared() {
        if (shared == null) {
            shared = new TestWebhookReceiver();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0)));
        }
        return shared;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Answers 500 to the next {@code times} requests whose event id starts with {@code eventIdPrefix}. */
    public void refuse(String eventIdPrefix, int times) {
        refusals.put(eventIdPrefix, new AtomicInteger(times));
    }

    public List<Request> received(Predicate<Request> matching) {
        return requests.stream().filter(matching).toList();
    }

    /** Waits until at least {@code count} requests match; returns those that do. */
    public List<Request> await(Predicate<Request> matching, int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (received(matching).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return received(matching);
    }
}
