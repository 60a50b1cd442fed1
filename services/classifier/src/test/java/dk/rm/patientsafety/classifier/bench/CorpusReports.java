package dk.rm.patientsafety.classifier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.classifier.CrossSectorRule;
import dk.rm.patientsafety.classifier.IncidentClassifier;
import dk.rm.patientsafety.classifier.ResponsibleUnitRouter;
import dk.rm.patientsafety.classifier.SacMatrix;
import dk.rm.patientsafety.classifier.TaxonomyTypeRule;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.MedicalDevice;
import dk.rm.patientsafety.events.Medicine;
import dk.rm.patientsafety.events.ReporterType;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.taxonomy.IncidentTypeClassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Realistic {@link IncidentReported} inputs built from the taxonomy's labelled UTH corpus: its narratives, main groups,
 * ATC codes and devices as written, its sectors turned into SOR codes of the shipped organisation register, and a fixed
 * spread of consequences (the corpus has none), so every part of the classifier's decision does real work.
 */
public final class CorpusReports {

    /** Overrides where the corpus is read from. */
    public static final String CORPUS_PROPERTY = "classifier.corpus";
    static final String CORPUS_IN_CHECKOUT = "services/incident-taxonomy/src/test/resources/corpus/uth-corpus.jsonl";

    /**
     * Actual × possible consequence, cycled over the corpus: mostly no or minor harm with a serious tail, roughly as
     * UTH reports come in, and one pair the severity matrix cannot decide and one with no SAC score.
     */
    private static final Consequence[][] CONSEQUENCES = {
            {Consequence.NONE, Consequence.MINOR}, {Consequence.MINOR, Consequence.MINOR}, {Consequence.NONE, Consequence.NONE},
            {Consequence.MINOR, Consequence.SERIOUS}, {Consequence.NONE, Consequence.MINOR}, {Consequence.MINOR, Consequence.MINOR},
            {Consequence.NONE, Consequence.SERIOUS}, {Consequence.MINOR, Consequence.UNKNOWN}, {Consequence.NONE, Consequence.MINOR},
            {Consequence.MINOR, Consequence.MINOR}, {Consequence.UNKNOWN, Consequence.UNKNOWN}, {Consequence.SERIOUS, Consequence.FATAL},
            {Consequence.NONE, Consequence.MINOR}, {Consequence.MINOR, Consequence.SERIOUS}, {Consequence.NONE, Consequence.NONE},
            {Consequence.MINOR, Consequence.MINOR}, {Consequence.FATAL, Consequence.FATAL}, {Consequence.NONE, Consequence.MINOR},
            {Consequence.MINOR, Consequence.MINOR}, {Consequence.SERIOUS, Consequence.SERIOUS},
    };

    private CorpusReports() {
    }

    /** The production classifier with the shipped rules, SAC matrix and organisation register. */
    public static IncidentClassifier classifier(Clock clock) {
        OrganisationRegister register = OrganisationRegister.load(Optional.empty());
        return new IncidentClassifier(new TaxonomyTypeRule(IncidentTypeClassifier.defaults()), SacMatrix.load(Optional.empty()),
                new ResponsibleUnitRouter(register), new CrossSectorRule(register), clock);
    }

    /**
     * The corpus file. The taxonomy module publishes no test-jar, so its test resources are not on this module's
     * classpath; the file is read where it lives in the checkout, at set-up time, so a growing corpus needs no copy.
     */
    public static Path corpus() {
        String configured = System.getProperty(CORPUS_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(CORPUS_IN_CHECKOUT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + CORPUS_IN_CHECKOUT + " above " + Path.of("").toAbsolutePath() + "; set -D" + CORPUS_PROPERTY);
    }

    /** One report per corpus line, in file order. */
    public static List<IncidentReported> read(Path corpus) {
        ObjectMapper json = new ObjectMapper();
        Map<OrganisationUnit.Sector, List<String>> unitsBySector = leafUnitsBySector(OrganisationRegister.load(Optional.empty()));
        List<IncidentReported> reports = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (!line.isBlank()) {
                    reports.add(report(json.readTree(line), reports.size(), unitsBySector));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the corpus " + corpus, e);
        }
        if (reports.isEmpty()) {
            throw new IllegalStateException("The corpus " + corpus + " is empty");
        }
        return reports;
    }

    /** A copy of {@code template} as another report: new ids, same content. */
    public static IncidentReported copy(IncidentReported template, String sourceId) {
        return IncidentReported.newBuilder(template)
                .setSourceId(sourceId)
                .setReportId(UUID.nameUUIDFromBytes(("bench:" + sourceId).getBytes(StandardCharsets.UTF_8)).toString())
                .build();
    }

    private static IncidentReported report(JsonNode item, int index, Map<OrganisationUnit.Sector, List<String>> unitsBySector) {
        List<InvolvedLocation> locations = new ArrayList<>();
        for (JsonNode location : item.path("locations")) {
            List<String> units = unitsBySector.get(OrganisationUnit.Sector.valueOf(location.path("sector").asText()));
            // Spread over the sector's units, so routing meets several hospitals and municipalities.
            String sorCode = units.get((index + locations.size()) % units.size());
            locations.add(new InvolvedLocation(sorCode, LocationRole.valueOf(location.path("role").asText())));
        }
        String incidentLocation = locations.stream().filter(l -> l.getRole() == LocationRole.OCCURRED).findFirst()
                .orElse(locations.get(0)).getSorCode();
        List<Medicine> medicines = new ArrayList<>();
        item.path("atcCodes").forEach(atc -> medicines.add(Medicine.newBuilder().setAtcCode(atc.asText()).build()));
        List<MedicalDevice> devices = item.path("device").isTextual()
                ? List.of(MedicalDevice.newBuilder().setType(item.path("device").asText()).build()) : List.of();
        Consequence[] consequence = CONSEQUENCES[index % CONSEQUENCES.length];
        String sourceId = item.path("id").asText();
        return IncidentReported.newBuilder()
                .setReportId(UUID.nameUUIDFromBytes(("bench:" + sourceId).getBytes(StandardCharsets.UTF_8)).toString())
                .setSource("corpus")
                .setSourceId(sourceId)
                .setReceivedAt(Instant.parse("2026-11-20T09:15:00Z"))
                .setHeadline(item.path("headline").asText())
                .setDescription(item.path("description").asText())
                .setEventDate(LocalDate.parse("2026-11-19"))
                .setEventTime(LocalTime.parse("22:40"))
                .setIncidentLocation(incidentLocation)
                .setInvolvedLocations(locations)
                .setActualConsequence(consequence[0])
                .setPossibleConsequence(consequence[1])
                .setMainGroup(item.path("mainGroup").isTextual() ? item.path("mainGroup").asText() : null)
                .setMedicines(medicines)
                .setDevices(devices)
                .setReporterType(ReporterType.HEALTH_PROFESSIONAL)
                .setPatientReference(null)
                .build();
    }

    /** The register's units where care happens (no other unit's parent), per sector, in SOR order. */
    static Map<OrganisationUnit.Sector, List<String>> leafUnitsBySector(OrganisationRegister register) {
        Set<String> parents = register.units().stream().map(OrganisationUnit::parentSorCode).collect(Collectors.toSet());
        return register.units().stream()
                .filter(unit -> !parents.contains(unit.sorCode()) && unit.sector() != OrganisationUnit.Sector.REGION)
                .sorted(Comparator.comparing(OrganisationUnit::sorCode))
                .collect(Collectors.groupingBy(OrganisationUnit::sector, Collectors.mapping(OrganisationUnit::sorCode, Collectors.toList())));
    }
}
