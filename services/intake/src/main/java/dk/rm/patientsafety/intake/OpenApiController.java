package dk.rm.patientsafety.intake;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves intake's OpenAPI description, written by hand so it states the privacy and idempotency promises exactly. */
@Controller("/api/v1/openapi.yml")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OpenApiController {

    static final String RESOURCE = "/openapi/intake.yml";

    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(document).contentType("application/yaml");
    }
}
