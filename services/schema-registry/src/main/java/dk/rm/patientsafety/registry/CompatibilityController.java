package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dk.rm.patientsafety.registry.RegistryJson.CompatibilityResponse;
import dk.rm.patientsafety.registry.RegistryJson.SchemaRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

/** {@code /compatibility}: would a schema be accepted, without registering it. */
@Controller("/compatibility/subjects/{subject}/versions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces({RegistryJson.MEDIA_TYPE, RegistryJson.MEDIA_TYPE_ANY_VERSION, MediaType.APPLICATION_JSON})
@Consumes({RegistryJson.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
final class CompatibilityController {

    private final SchemaRegistry registry;

    CompatibilityController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Post("/{version}")
    CompatibilityResponse againstVersion(String subject, String version, @Nullable @Body SchemaRequest request,
                                         @QueryValue(defaultValue = "false") boolean verbose) {
        return response(registry.testCompatibility(subject, version, SubjectsController.parse(request)), verbose);
    }

    /** Newer Confluent clients leave the version out to mean "as if registering now". */
    @Post
    CompatibilityResponse againstAll(String subject, @Nullable @Body SchemaRequest request,
                                     @QueryValue(defaultValue = "false") boolean verbose) {
        return againstVersion(subject, "latest", request, verbose);
    }

    private static CompatibilityResponse response(List<String> problems, boolean verbose) {
        return new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null);
    }
}
