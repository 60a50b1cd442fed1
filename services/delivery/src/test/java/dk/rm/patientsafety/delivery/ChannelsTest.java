package dk.rm.patientsafety.delivery;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channels against a real SMTP server (GreenMail) and a real HTTP server in the JVM. */
class ChannelsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String SECRET = "a-webhook-secret-of-at-least-32-chars";
    private HttpServer http;

    @AfterEach
    void stopHttp() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void aMailGoesOutInDanishWithAStableMessageId() throws Exception {
        MailChannel mail = new MailChannel(new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "alarmer@patientsikkerhed.example", null, null, false));
        mail.send("risikomanager.auh@patientsikkerhed.example", "Alvorlig hændelse på Aarhus Universitetshospital", "Åbn alarmen: http://x/1", "abc123");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Alvorlig hændelse på Aarhus Universitetshospital", received[0].getSubject());
        assertEquals("Åbn alarmen: http://x/1", received[0].getContent().toString().strip());
        assertEquals("<abc123@patientsikkerhed.example>", received[0].getMessageID());
        assertEquals("risikomanager.auh@patientsikkerhed.example", received[0].getAllRecipients()[0].toString());
    }

    @Test
    void aMailServerThatIsAwayIsTriedAgainAndAPasswordNeedsStartTls() {
        MailChannel away = new MailChannel(new MailSettings("127.0.0.1", 1, "alarmer@patientsikkerhed.example", null, null, false));
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> away.send("a@b.example", "s", "t", "id"));
        assertFalse(failure.permanent(), failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MailSettings("smtp.example", 587, "a@b.example", "user", "secret", false));
        assertFalse(new MailSettings("smtp.example", 587, "a@b.example", "user", "secret", true).toString().contains("secret"));
    }

    @Test
    void aWebhookIsSignedOverItsEventIdTimeAndBodyAndOnlyA2xxDelivers() throws Exception {
        List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(204);
        URI url = serve(requests, answer);
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        WebhookChannel channel = new WebhookChannel(Clock.fixed(now, ZoneOffset.UTC));
        WebhookSubscriber subscriber = new WebhookSubscriber("bi", url, SECRET, List.of("1309000000000"));
        String body = "{\"alertId\":\"serious-incident:r1\",\"tekst\":\"dødelig\"}";

        channel.send(subscriber, "serious-incident:r1|1", body);
        Map<String, String> request = requests.get(0);
        assertEquals("serious-incident:r1|1", request.get(WebhookSignature.EVENT_ID_HEADER));
        assertEquals(Long.toString(now.getEpochSecond()), request.get(WebhookSignature.TIMESTAMP_HEADER));
        assertEquals(body, request.get("body"));
        assertTrue(WebhookSignature.verify(SECRET, "serious-incident:r1|1", now.getEpochSecond(), body, request.get(WebhookSignature.HEADER)));
        assertFalse(WebhookSignature.verify(SECRET, "serious-incident:r1|2", now.getEpochSecond(), body, request.get(WebhookSignature.HEADER)),
                "a signature is for its event only");
        assertFalse(WebhookSignature.verify(SECRET, "serious-incident:r1|1", now.getEpochSecond() + 1, body, request.get(WebhookSignature.HEADER)));
        assertFalse(WebhookSignature.verify("another-secret-of-at-least-32-characters", "serious-incident:r1|1", now.getEpochSecond(), body,
                request.get(WebhookSignature.HEADER)));

        for (int status : new int[] {500, 503, 429, 408}) {
            answer.set(status);
            assertFalse(assertThrows(DeliveryFailure.class, () -> channel.send(subscriber, "e", body)).permanent(), status + " is tried again");
        }
        for (int status : new int[] {400, 401, 404, 302}) {
            answer.set(status);
            assertTrue(assertThrows(DeliveryFailure.class, () -> channel.send(subscriber, "e", body)).permanent(), status + " is refused");
        }
        http.stop(0);
        http = null;
        assertFalse(assertThrows(DeliveryFailure.class, () -> channel.send(subscriber, "e", body)).permanent(), "nobody answering is tried again");
    }

    @Test
    void aSubscriberIsHttpsUnlessOnThisMachineHasALongSecretAndNeverShowsIt() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSubscriber("bi", URI.create("http://bi.region.example/hook"), SECRET, List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSubscriber("bi", URI.create("https://bi.region.example/hook"), "short", List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSubscriber("bi", URI.create("https://bi.region.example/hook"), SECRET, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSubscriber("B I", URI.create("https://bi.region.example/hook"), SECRET, List.of("1")));
        WebhookSubscriber ok = new WebhookSubscriber("bi", URI.create("https://bi.region.example/hook"), SECRET, List.of("1309010000000"));
        assertFalse(ok.toString().contains(SECRET));
        assertTrue(ok.covers(List.of("1309011000000", "1309010000000", "1309000000000")));
        assertFalse(ok.covers(List.of("1309021000000", "1309020000000", "1309000000000")));
    }

    @Test
    void triesBackOffExponentiallyUpToTheMaxAndEndAfterTheLast() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; failed <= 5; failed++) {
            waits.add(backoff.after(failed));
        }
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofMinutes(1)), waits.subList(0, 4));
        assertNull(waits.get(4), "after the fifth failed try there is no sixth");
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 5));
    }

    private URI serve(List<Map<String, String>> requests, AtomicInteger answer) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hook", exchange -> {
            Map<String, String> seen = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name, values.get(0)));
            for (String header : List.of(WebhookSignature.HEADER, WebhookSignature.EVENT_ID_HEADER, WebhookSignature.TIMESTAMP_HEADER)) {
                seen.put(header, exchange.getRequestHeaders().getFirst(header));
            }
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(seen);
            if (answer.get() == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/hook");
    }
}
