package dk.rm.patientsafety.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bearer token that passed every check is not checked again until it expires, and at most for a minute: checking a
 * signature costs more than the rest of a report's way through intake, and a source system sends the same token for
 * hundreds of reports. A token is trusted only as long as it would still pass, so an expired one is checked (and
 * refused) again; a key withdrawn from the identity provider stops counting within the minute, as it does anyway while
 * the fetched key set is kept. Refused tokens are never remembered.
 */
@Singleton
public class VerifiedTokens implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<?, ?>> {

    static final Duration LONGEST = Duration.ofMinutes(1);
    /** Distinct live tokens remembered; beyond that the memory is emptied and refilled, so no caller can make it grow. */
    static final int CAPACITY = 10_000;

    private record Verified(Authentication authentication, Instant until) {
    }

    private final InstantSource clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(InstantSource.system());
    }

    VerifiedTokens(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReactiveJsonWebTokenValidator<?, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<?, ?>> event) {
        return remembering((ReactiveJsonWebTokenValidator) event.getBean());
    }

    <T, R> ReactiveJsonWebTokenValidator<T, R> remembering(ReactiveJsonWebTokenValidator<T, R> checks) {
        return new ReactiveJsonWebTokenValidator<>() {
            @Override
            public Publisher<T> validate(String token, R request) {
                return checks.validate(token, request);
            }

            @Override
            public Publisher<Authentication> validateToken(String token, R request) {
                Verified known = verified.get(token);
                if (known != null && clock.instant().isBefore(known.until())) {
                    return Mono.just(known.authentication());
                }
                return Mono.from(checks.validateToken(token, request)).doOnNext(authentication -> remember(token, authentication));
            }

            @Override
            public int getOrder() {
                return checks.getOrder();
            }
        };
    }

    private void remember(String token, Authentication authentication) {
        Instant expires = expiry(authentication.getAttributes().get("exp"));
        if (expires == null) {
            return;
        }
        Instant until = min(expires, clock.instant().plus(LONGEST));
        if (verified.size() >= CAPACITY) {
            Instant now = clock.instant();
            verified.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(authentication, until));
    }

    private static Instant expiry(Object exp) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    int size() {
        return verified.size();
    }
}
