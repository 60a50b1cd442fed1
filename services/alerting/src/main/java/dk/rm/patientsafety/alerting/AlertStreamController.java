package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;

/**
 * The live stream of alert steps (Server-Sent Events) for the caller's units: each event is named {@code alert-step},
 * its id the step's place in all steps and its data the step with the alert as it now stands. A client reconnecting
 * with {@code Last-Event-ID} (browsers send it themselves) gets every step it missed, then the live ones.
 */
@Controller("/api/v1/alerts/stream")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM})
public class AlertStreamController {

    static final String EVENT = "alert-step";
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final AlertStepFeed feed;
    private final Callers callers;
    private final UnitScope scope;

    public AlertStreamController(AlertStepFeed feed, Callers callers, UnitScope scope) {
        this.feed = feed;
        this.callers = callers;
        this.scope = scope;
    }

    /** Blocks nothing: the feed reads the missed steps on a worker thread once the stream is subscribed to. */
    @Get(produces = {MediaType.TEXT_EVENT_STREAM, Problem.CONTENT_TYPE})
    public HttpResponse<?> stream(@Header("Last-Event-ID") @Nullable String lastEventId, Authentication authentication) {
        Long last = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                last = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                last = -1L;
            }
            if (last < 0) {
                return Problem.invalidFields(AlertFollowUpController.INVALID, "Invalid stream position",
                        List.of(new Problem.FieldError("Last-Event-ID", "must be the id of an event this stream sent")));
            }
        }
        Caller caller = callers.of(authentication);
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<Event<?>> steps = feed.subscribe(last, payload -> scope.covers(caller, payload.alert().incidentLocation()))
                .<Event<?>>map(item -> Event.of(item.data()).id(Long.toString(item.id())).name(EVENT))
                .doFinally(signal -> ended.tryEmitEmpty());
        // A comment now and then keeps proxies from closing a quiet stream; EventSource ignores it.
        Flux<Event<?>> heartbeat = Flux.interval(HEARTBEAT).<Event<?>>map(tick -> Event.of("").comment("keep-alive").name("heartbeat"))
                .takeUntilOther(ended.asMono());
        return HttpResponse.ok(Flux.merge(steps, heartbeat))
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }
}
