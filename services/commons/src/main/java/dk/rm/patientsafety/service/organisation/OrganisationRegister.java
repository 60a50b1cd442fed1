package dk.rm.patientsafety.service.organisation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organisation register: which SOR codes exist and how units nest. A report about an unknown unit cannot be routed. */
public final class OrganisationRegister {

    static final String DEFAULT_RESOURCE = "/organisation/register.json";

    private final Map<String, OrganisationUnit> units;

    private OrganisationRegister(List<OrganisationUnit> units) {
        this.units = units.stream().collect(Collectors.toUnmodifiableMap(OrganisationUnit::sorCode, Function.identity()));
    }

    /** The register shipped with the platform (illustrative Region Midtjylland units), or the file at {@code path}. */
    public static OrganisationRegister load(Optional<Path> path) {
        if (path.isPresent()) {
            try (InputStream in = Files.newInputStream(path.get())) {
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the organisation register " + path.get(), e);
            }
        }
        try (InputStream in = OrganisationRegister.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in organisation register", e);
        }
    }

    public static OrganisationRegister read(InputStream json) throws IOException {
        List<OrganisationUnit> units = new ObjectMapper().readValue(json, new TypeReference<>() {
        });
        return new OrganisationRegister(units);
    }

    public static OrganisationRegister of(List<OrganisationUnit> units) {
        return new OrganisationRegister(units);
    }

    public boolean contains(String sorCode) {
        return units.containsKey(sorCode);
    }

    public Optional<OrganisationUnit> find(String sorCode) {
        return Optional.ofNullable(units.get(sorCode));
    }

    /**
     * The unit and the units above it, nearest first (department, hospital, region). A code the register does not
     * know is its own lineage; a cycle in the register ends the walk instead of looping.
     */
    public List<String> lineage(String sorCode) {
        List<String> lineage = new ArrayList<>(List.of(sorCode));
        Optional<OrganisationUnit> unit = find(sorCode);
        while (unit.isPresent() && unit.get().parentSorCode() != null && !lineage.contains(unit.get().parentSorCode())) {
            lineage.add(unit.get().parentSorCode());
            unit = find(unit.get().parentSorCode());
        }
        return List.copyOf(lineage);
    }

    /** The unit and every unit below it: a hospital and its departments. */
    public Set<String> within(String sorCode) {
        Set<String> within = new HashSet<>(Set.of(sorCode));
        units.keySet().stream().filter(unit -> lineage(unit).contains(sorCode)).forEach(within::add);
        return Set.copyOf(within);
    }

    public int size() {
        return units.size();
    }

    public java.util.Collection<OrganisationUnit> units() {
        return units.values();
    }
}
