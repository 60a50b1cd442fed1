package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.util.Map;

/** {@code GET /}: an empty object, which clients and health checks use to see that the registry is up; no token needed. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces({RegistryJson.MEDIA_TYPE, RegistryJson.MEDIA_TYPE_ANY_VERSION, MediaType.APPLICATION_JSON})
final class RootController {

    @Get
    Map<String, Object> root() {
        return Map.of();
    }
}
