package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.RegistryJson.ErrorMessage;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Gives Micronaut's own errors (unknown path, wrong method or media type, malformed JSON) Confluent's shape,
 * {@code {"error_code": <status>, "message": ...}}, because clients parse every error body that way.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ConfluentErrorResponses implements ErrorResponseProcessor<ErrorMessage> {

    @Override
    public MutableHttpResponse<ErrorMessage> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        String message = context.getErrors().stream()
                .map(Error::getMessage)
                .findFirst()
                .orElse("HTTP " + response.code() + " " + response.reason());
        return response.contentType(RegistryJson.MEDIA_TYPE).body(new ErrorMessage(response.code(), message));
    }
}
