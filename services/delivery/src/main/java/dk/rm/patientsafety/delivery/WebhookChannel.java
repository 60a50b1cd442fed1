package dk.rm.patientsafety.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts an event's JSON to a subscriber, signed ({@link WebhookSignature}) and carrying its event id, so a receiver can
 * drop a repeat. A 2xx delivers; a network error, a timeout, 408, 429 or a 5xx is tried again; any other answer is the
 * receiver refusing the request, which no retry can change.
 */
public final class WebhookChannel {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    public WebhookChannel(Clock clock) {
        this.clock = clock;
    }

    public void send(WebhookSubscriber subscriber, String eventId, String json) throws DeliveryFailure {
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscriber.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(subscriber.secret(), eventId, now, json))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailure("no answer from " + subscriber.name() + ": " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", false);
        }
        if (status / 100 == 2) {
            return;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new DeliveryFailure(subscriber.name() + " answered " + status, !retryable);
    }
}
