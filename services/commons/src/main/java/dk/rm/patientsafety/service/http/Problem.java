package dk.rm.patientsafety.service.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem detail, with one entry per bad field; never echoes the submitted values. */
@Serdeable
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** What is wrong with one field. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static MutableHttpResponse<Problem> invalidFields(String type, String title, List<FieldError> errors) {
        return respond(new Problem(type, title, 400, errors.size() + " field(s) are invalid", errors));
    }

    public static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status())).body(problem).contentType(CONTENT_TYPE);
    }
}
