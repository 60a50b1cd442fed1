package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dk.rm.patientsafety.registry.RegistryJson.ConfigResponse;
import dk.rm.patientsafety.registry.RegistryJson.ConfigUpdate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;

/** {@code /config}: the global and per-subject compatibility levels. */
// Writes wait for Kafka, which must not happen on an event-loop thread.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/config")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces({RegistryJson.MEDIA_TYPE, RegistryJson.MEDIA_TYPE_ANY_VERSION, MediaType.APPLICATION_JSON})
@Consumes({RegistryJson.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
final class ConfigController {

    private final SchemaRegistry registry;

    ConfigController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Get
    ConfigResponse global() {
        return new ConfigResponse(registry.globalLevel().name());
    }

    @Secured({Roles.REGISTRY_ADMIN, Roles.SERVICE})
    @Put
    ConfigUpdate setGlobal(@Nullable @Body ConfigUpdate update) {
        return new ConfigUpdate(registry.setLevel(null, update == null ? null : update.compatibility()).name());
    }

    @Get("/{subject}")
    ConfigResponse subject(String subject, @QueryValue(defaultValue = "false") boolean defaultToGlobal) {
        return registry.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(registry.globalLevel()) : Optional.empty())
                .map(level -> new ConfigResponse(level.name()))
                .orElseThrow(() -> RegistryException.subjectLevelNotConfigured(subject));
    }

    @Secured({Roles.REGISTRY_ADMIN, Roles.SERVICE})
    @Put("/{subject}")
    ConfigUpdate setSubject(String subject, @Nullable @Body ConfigUpdate update) {
        return new ConfigUpdate(registry.setLevel(subject, update == null ? null : update.compatibility()).name());
    }

    @Secured({Roles.REGISTRY_ADMIN, Roles.SERVICE})
    @Delete("/{subject}")
    ConfigResponse deleteSubject(String subject) {
        return new ConfigResponse(registry.deleteSubjectLevel(subject).name());
    }
}
