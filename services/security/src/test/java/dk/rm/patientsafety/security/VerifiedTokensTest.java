package dk.rm.patientsafety.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final VerifiedTokens tokens = new VerifiedTokens(() -> now);
    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for the signature and claims checks: accepts "good-<expiry>[#n]" tokens. */
    private final ReactiveJsonWebTokenValidator<Object, Object> checked = tokens.remembering(new ReactiveJsonWebTokenValidator<>() {
        @Override
        public Publisher<Object> validate(String token, Object request) {
            return Mono.empty();
        }

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            checks.incrementAndGet();
            if (!token.startsWith("good-")) {
                return Mono.empty();
            }
            Date exp = Date.from(Instant.parse(token.substring(5).split("#")[0]));
            return Mono.just(Authentication.build("someone", List.of("reporter"), Map.of("exp", exp)));
        }
    });

    private Authentication validate(String token) {
        return Mono.from(checked.validateToken(token, null)).block();
    }

    @Test
    void aVerifiedTokenIsNotCheckedAgainWithinTheMinute() {
        String token = "good-2026-12-06T11:00:00Z";
        assertEquals("someone", validate(token).getName());
        now = now.plusSeconds(59);
        assertEquals("someone", validate(token).getName());
        assertEquals(1, checks.get());
        now = now.plusSeconds(1);
        validate(token);
        assertEquals(2, checks.get(), "after a minute the token is checked again");
    }

    @Test
    void aTokenIsNeverTrustedPastItsExpiry() {
        String token = "good-2026-12-06T10:00:30Z";
        validate(token);
        now = now.plusSeconds(30);
        validate(token);
        assertEquals(2, checks.get(), "at its expiry the token goes back to the real checks, which refuse it");
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        assertNull(validate("forged"));
        assertNull(validate("forged"));
        assertEquals(2, checks.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void manyDistinctTokensCannotGrowTheMemoryBeyondItsCapacity() {
        for (int i = 0; i < VerifiedTokens.CAPACITY + 500; i++) {
            validate("good-2026-12-06T11:00:00Z#" + i);
        }
        assertTrue(tokens.size() <= VerifiedTokens.CAPACITY, "held " + tokens.size());
    }
}
