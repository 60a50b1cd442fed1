package dk.rm.patientsafety.service.organisation;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Optional;

/** Loads the register named by {@code organisation.register} (a JSON file), or the built-in one. */
@Factory
public class OrganisationRegisterFactory {

    @Singleton
    OrganisationRegister organisationRegister(@Value("${organisation.register:}") String path) {
        return OrganisationRegister.load(path.isBlank() ? Optional.empty() : Optional.of(Path.of(path)));
    }
}
