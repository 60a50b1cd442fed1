package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dk.rm.patientsafety.registry.RegistryJson.SchemaResponse;
import dk.rm.patientsafety.registry.RegistryJson.SubjectVersionRef;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.util.List;

/** {@code /schemas}: schemas by global id, which is what deserializers ask for. */
@Controller("/schemas")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces({RegistryJson.MEDIA_TYPE, RegistryJson.MEDIA_TYPE_ANY_VERSION, MediaType.APPLICATION_JSON})
final class SchemasController {

    private final SchemaRegistry registry;

    SchemasController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Get("/ids/{id}")
    SchemaResponse schema(int id) {
        return new SchemaResponse(registry.schemaById(id));
    }

    @Get("/ids/{id}/versions")
    List<SubjectVersionRef> versions(int id) {
        return registry.usesOf(id).stream().map(use -> new SubjectVersionRef(use.subject(), use.version())).toList();
    }

    @Get("/ids/{id}/subjects")
    List<String> subjects(int id) {
        return registry.usesOf(id).stream().map(RegistryState.SubjectVersion::subject).distinct().toList();
    }

    @Get("/types")
    List<String> types() {
        return List.of(AvroSchemas.AVRO);
    }
}
