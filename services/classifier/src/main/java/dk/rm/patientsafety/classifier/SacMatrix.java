package dk.rm.patientsafety.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SAC score is the configured matrix cell of the worst consequence (actual or possible) and the incident type's probability. */
public final class SacMatrix {

    /** Consequence levels of the SAC matrix. */
    public enum Severity { MINOR, MODERATE, MAJOR, CATASTROPHIC }

    /** How likely the incident is to recur. */
    public enum Probability { REMOTE, UNCOMMON, OCCASIONAL, FREQUENT }

    /** The matrix as its JSON file states it. */
    record Definition(String description, Probability defaultProbability, Map<IncidentType, Probability> probabilityByType,
                      Map<Severity, Map<Probability, Integer>> scores) {
    }

    static final String DEFAULT_RESOURCE = "/classifier/sac-matrix.json";

    private final Definition definition;

    private SacMatrix(Definition definition) {
        for (Severity severity : Severity.values()) {
            for (Probability probability : Probability.values()) {
                if (definition.scores().getOrDefault(severity, Map.of()).get(probability) == null) {
                    throw new IllegalArgumentException("SAC matrix has no score for " + severity + " x " + probability);
                }
            }
        }
        this.definition = definition;
    }

    /** The built-in matrix, or the JSON file at {@code path}. */
    public static SacMatrix load(Optional<Path> path) {
        try (InputStream in = path.isPresent() ? Files.newInputStream(path.get()) : SacMatrix.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            Definition definition = new ObjectMapper().readValue(in, Definition.class);
            return new SacMatrix(new Definition(definition.description(), definition.defaultProbability(),
                    definition.probabilityByType() == null ? new EnumMap<>(IncidentType.class) : definition.probabilityByType(),
                    definition.scores()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SAC matrix " + path.map(Path::toString).orElse(DEFAULT_RESOURCE), e);
        }
    }

    /** A SAC score and why. */
    public record Decision(int score, Explanation explanation) {
    }

    /** The score and its explanation, or empty when neither consequence is known (SAC needs a severity). */
    public Optional<Decision> score(Consequence actual, Consequence possible, IncidentType type) {
        return severity(worst(actual, possible)).map(severity -> {
            Probability probability = definition.probabilityByType().getOrDefault(type, definition.defaultProbability());
            int score = definition.scores().get(severity).get(probability);
            return new Decision(score, Explanation.newBuilder()
                    .setAspect("sacScore")
                    .setRule("SacMatrix: " + severity + " x " + probability + " -> " + score)
                    .setEvidence(List.of("actualConsequence=" + actual, "possibleConsequence=" + possible, "incidentType=" + type))
                    .setConfidence(null)
                    .build());
        });
    }

    private static Consequence worst(Consequence actual, Consequence possible) {
        return rank(actual) >= rank(possible) ? actual : possible;
    }

    private static int rank(Consequence consequence) {
        return switch (consequence) {
            case FATAL -> 4;
            case SERIOUS -> 3;
            case MINOR -> 2;
            case NONE -> 1;
            default -> 0;
        };
    }

    private static Optional<Severity> severity(Consequence consequence) {
        return switch (consequence) {
            case FATAL -> Optional.of(Severity.CATASTROPHIC);
            case SERIOUS -> Optional.of(Severity.MAJOR);
            case MINOR -> Optional.of(Severity.MODERATE);
            case NONE -> Optional.of(Severity.MINOR);
            default -> Optional.empty();
        };
    }
}
