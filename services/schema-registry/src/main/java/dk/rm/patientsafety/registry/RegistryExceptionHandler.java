package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.registry.RegistryJson.ErrorMessage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a {@link RegistryException} with Confluent's status and {@code {"error_code", "message"}} body. */
@Singleton
@Produces(RegistryJson.MEDIA_TYPE)
final class RegistryExceptionHandler implements ExceptionHandler<RegistryException, HttpResponse<ErrorMessage>> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryExceptionHandler.class);

    @Override
    public HttpResponse<ErrorMessage> handle(HttpRequest request, RegistryException e) {
        if (e.httpStatus() >= 500) {
            LOG.error("{} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage(), e.getCause());
        }
        return HttpResponse.<ErrorMessage>status(HttpStatus.valueOf(e.httpStatus()))
                .contentType(RegistryJson.MEDIA_TYPE)
                .body(new ErrorMessage(e.errorCode(), e.getMessage()));
    }
}
