package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions to learning feeds: create, list, read, change, pause, resume and delete. A caller reaches only the
 * subscriptions its own token's subject made; another's answers 404, the same as one that does not exist.
 */
@Controller("/api/v1/subscriptions")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM, Roles.PARTNER})
public class SubscriptionController {

    static final String INVALID = "https://patientsafety.rm.dk/problems/invalid-subscription";
    static final String NOT_FOUND = "https://patientsafety.rm.dk/problems/unknown-subscription";
    static final String CONFLICT = "https://patientsafety.rm.dk/problems/subscription-changed";
    /** A caller's own subscriptions are few; beyond this many, one is refused rather than the list growing without bound. */
    static final int MAX_PER_OWNER = 100;

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record SubscriptionList(List<SubscriptionView> subscriptions) {
    }

    private final SubscriptionRepository repository;
    private final SubscriptionTerms terms;
    private final Callers callers;
    private final SubscriptionRelay relay;
    private final Clock clock = Clock.systemUTC();

    public SubscriptionController(SubscriptionRepository repository, SubscriptionTerms terms, Callers callers, SubscriptionRelay relay) {
        this.repository = repository;
        this.relay = relay;
        this.terms = terms;
        this.callers = callers;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> create(@Body @Nullable Map<String, Object> body, Authentication authentication) {
        Caller caller = callers.of(authentication);
        SubscriptionTerms.Checked checked = terms.check(body == null ? Map.of() : body, caller, false);
        if (!checked.errors().isEmpty()) {
            return Problem.invalidFields(INVALID, "Invalid subscription", checked.errors());
        }
        if (repository.countOwned(caller.subject()) >= MAX_PER_OWNER) {
            return Problem.invalidFields(INVALID, "Invalid subscription", List.of(new Problem.FieldError("subscriptionId",
                    "you have " + MAX_PER_OWNER + " subscriptions already; delete one first")));
        }
        SubscriptionTerms.Terms t = checked.terms();
        String id = UUID.randomUUID().toString();
        repository.insert(id, caller.subject(), Audience.of(caller).name(), t.name(), StoredSubscription.listColumn(t.units()),
                StoredSubscription.listColumn(t.incidentTypes()), t.minimumSeverity(), t.crossSectorOnly(), t.cadence().name(),
                t.channel().name(), t.target(), clock.instant());
        relay.wake();
        return HttpResponse.created(repository.findOwned(id, caller.subject()).orElseThrow().view(), URI.create("/api/v1/subscriptions/" + id));
    }

    @Get(produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        List<Problem.FieldError> unknown = request.getParameters().names().stream().sorted()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this list: it lists all of your subscriptions")).toList();
        if (!unknown.isEmpty()) {
            return Problem.invalidFields(INVALID, "Invalid query", unknown);
        }
        return HttpResponse.ok(new SubscriptionList(repository.listOwned(callers.of(authentication).subject()).stream()
                .map(StoredSubscription::view).toList()));
    }

    @Get(value = "/{subscriptionId}", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> one(@PathVariable String subscriptionId, Authentication authentication) {
        return owned(subscriptionId, callers.of(authentication)).<HttpResponse<?>>map(s -> HttpResponse.ok(s.view()))
                .orElseGet(() -> notFound(subscriptionId));
    }

    /** New terms for the whole subscription; with {@code revision}, only if nobody changed it since that revision was read. */
    @Put(value = "/{subscriptionId}", consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> change(@PathVariable String subscriptionId, @Body @Nullable Map<String, Object> body, Authentication authentication) {
        Caller caller = callers.of(authentication);
        Optional<StoredSubscription> current = owned(subscriptionId, caller);
        if (current.isEmpty()) {
            return notFound(subscriptionId);
        }
        SubscriptionTerms.Checked checked = terms.check(body == null ? Map.of() : body, caller, true);
        if (!checked.errors().isEmpty()) {
            return Problem.invalidFields(INVALID, "Invalid subscription", checked.errors());
        }
        int revision = checked.revision() != null ? checked.revision() : current.get().revision();
        SubscriptionTerms.Terms t = checked.terms();
        int changed = repository.change(subscriptionId, caller.subject(), revision, t.name(), StoredSubscription.listColumn(t.units()),
                StoredSubscription.listColumn(t.incidentTypes()), t.minimumSeverity(), t.crossSectorOnly(), t.cadence().name(),
                t.channel().name(), t.target(), clock.instant());
        relay.wake();
        if (changed == 0) {
            return Problem.respond(new Problem(CONFLICT, "Subscription changed meanwhile", 409,
                    "The subscription is no longer at revision " + revision + ": read it again and repeat the change", List.of()));
        }
        return one(subscriptionId, authentication);
    }

    @Post(value = "/{subscriptionId}/pause", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> pause(@PathVariable String subscriptionId, Authentication authentication) {
        return paused(subscriptionId, true, authentication);
    }

    @Post(value = "/{subscriptionId}/resume", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> resume(@PathVariable String subscriptionId, Authentication authentication) {
        return paused(subscriptionId, false, authentication);
    }

    @Delete(value = "/{subscriptionId}", produces = Problem.CONTENT_TYPE)
    public HttpResponse<?> delete(@PathVariable String subscriptionId, Authentication authentication) {
        // The delete names the owner itself: another's subscription, or none, changes no row.
        if (!isId(subscriptionId) || repository.delete(subscriptionId, callers.of(authentication).subject(), clock.instant()) == 0) {
            return notFound(subscriptionId);
        }
        relay.wake();
        return HttpResponse.noContent();
    }

    private HttpResponse<?> paused(String subscriptionId, boolean paused, Authentication authentication) {
        Caller caller = callers.of(authentication);
        if (owned(subscriptionId, caller).isEmpty()) {
            return notFound(subscriptionId);
        }
        repository.setPaused(subscriptionId, caller.subject(), paused, clock.instant());
        relay.wake();
        return one(subscriptionId, authentication);
    }

    private Optional<StoredSubscription> owned(String subscriptionId, Caller caller) {
        return isId(subscriptionId) ? repository.findOwned(subscriptionId, caller.subject()) : Optional.empty();
    }

    /** Ids are UUIDs; anything else cannot be one, and is not sent to the database. */
    private static boolean isId(String subscriptionId) {
        return subscriptionId.matches("[0-9a-f-]{36}");
    }

    private static HttpResponse<?> notFound(String subscriptionId) {
        return Problem.respond(new Problem(NOT_FOUND, "Unknown subscription", 404,
                "You have no subscription " + (isId(subscriptionId) ? subscriptionId : "by that id"), List.of()));
    }
}
