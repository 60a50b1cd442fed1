package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dk.rm.patientsafety.registry.RegistryJson.IdResponse;
import dk.rm.patientsafety.registry.RegistryJson.SchemaRequest;
import dk.rm.patientsafety.registry.RegistryJson.SubjectVersionResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/** {@code /subjects}: registering schemas under subjects and reading their versions. */
// Writes wait for Kafka, which must not happen on an event-loop thread.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/subjects")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces({RegistryJson.MEDIA_TYPE, RegistryJson.MEDIA_TYPE_ANY_VERSION, MediaType.APPLICATION_JSON})
@Consumes({RegistryJson.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
final class SubjectsController {

    private final SchemaRegistry registry;

    SubjectsController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Get
    List<String> subjects() {
        return registry.subjects();
    }

    @Get("/{subject}/versions")
    List<Integer> versions(String subject) {
        return registry.versions(subject);
    }

    @Get("/{subject}/versions/{version}")
    SubjectVersionResponse version(String subject, String version) {
        return response(registry.version(subject, version));
    }

    @Secured({Roles.REGISTRY_ADMIN, Roles.SERVICE})
    @Post("/{subject}/versions")
    IdResponse register(String subject, @Nullable @Body SchemaRequest request) {
        return new IdResponse(registry.register(subject, parse(request)));
    }

    @Post("/{subject}")
    SubjectVersionResponse lookUp(String subject, @Nullable @Body SchemaRequest request) {
        return response(registry.lookUp(subject, parse(request)));
    }

    static AvroSchemas.Parsed parse(SchemaRequest request) {
        if (request == null) {
            throw RegistryException.invalidSchema("Invalid schema: the request has no body");
        }
        return AvroSchemas.parse(request.schema(), request.schemaType(), request.references());
    }

    private static SubjectVersionResponse response(SchemaRegistry.RegisteredVersion version) {
        return new SubjectVersionResponse(version.subject(), version.version(), version.id(), version.schema());
    }
}
