package dk.rm.patientsafety.service.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Gives the framework's own errors (malformed JSON, unknown path, wrong media type) the platform's
 * problem+json shape. The schema registry speaks Confluent's error format instead, so it is left out.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Requires(notEnv = "schema-registry")
public class ProblemJsonErrorResponses implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        // The framework's messages can quote the request (e.g. a JSON parser's excerpt); only the status is safe to echo.
        List<Problem.FieldError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(error.getPath().get(), "is invalid"))
                .toList();
        String detail = response.code() == 400 ? "The request body is not valid JSON or does not fit the expected structure" : response.reason();
        Problem problem = new Problem("about:blank", response.reason(), response.code(), detail, errors);
        return response.contentType(Problem.CONTENT_TYPE).body(problem);
    }
}
