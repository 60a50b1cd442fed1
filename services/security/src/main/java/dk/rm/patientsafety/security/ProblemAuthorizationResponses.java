package dk.rm.patientsafety.security;

import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A request without a valid token gets 401 (with {@code WWW-Authenticate: Bearer}), one whose token lacks the role
 * 403, both as problem+json; neither says what the route would have answered.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class ProblemAuthorizationResponses implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    public static final String UNAUTHENTICATED = "https://patientsafety.rm.dk/problems/unauthenticated";
    public static final String FORBIDDEN = "https://patientsafety.rm.dk/problems/forbidden";

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return forbidden("Your sign-in does not give access to this resource");
        }
        return Problem.respond(new Problem(UNAUTHENTICATED, "Sign-in required", 401,
                        "Send a valid bearer token from the platform's identity provider (Authorization: Bearer …)", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patient-safety-platform\"");
    }

    /** The 403 a route gives itself when the caller's role admits it but its units do not cover what it asked for. */
    public static MutableHttpResponse<Problem> forbidden(String detail) {
        return Problem.respond(new Problem(FORBIDDEN, "Forbidden", 403, detail, List.of()));
    }
}
