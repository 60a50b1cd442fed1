package dk.rm.patientsafety.bulkimport;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The coded values of intake's API, with the Danish labels the national case form and local exports use. */
final class Vocabulary {

    private Vocabulary() {
    }

    enum Consequence { UNKNOWN, NONE, MINOR, SERIOUS, FATAL }

    enum LocationRole { UNKNOWN, OCCURRED, DISCOVERED, ORIGINATED, HANDED_OVER, RECEIVED, REPORTED, OTHER }

    enum ReporterType { UNKNOWN, HEALTH_PROFESSIONAL, PATIENT, RELATIVE, OTHER }

    /** The areas batch reporting (samlerapportering) covers, with their Danish names. */
    enum BatchArea {
        FALLS("Fald", "fald"),
        INFECTIONS("Infektioner", "infektioner"),
        MEDICATION_ADMINISTRATION("Medicinadministration", "hændelser ved medicinadministration"),
        MEDICATION_DISPENSING("Medicindispensering", "hændelser ved medicindispensering");

        /** For the headline: "SR – Fald (14)". */
        final String danishName;
        /** For the description: "Samlerapportering: 14 fald i 2025-03 på …". */
        final String danishCounted;

        BatchArea(String danishName, String danishCounted) {
            this.danishName = danishName;
            this.danishCounted = danishCounted;
        }
    }

    static final Map<String, Consequence> CONSEQUENCE_LABELS = Map.of(
            "ukendt", Consequence.UNKNOWN,
            "ingen", Consequence.NONE,
            "ingen konsekvens", Consequence.NONE,
            "mindre alvorlig", Consequence.MINOR,
            "alvorlig", Consequence.SERIOUS,
            "dødelig", Consequence.FATAL,
            "død", Consequence.FATAL);

    static final Map<String, ReporterType> REPORTER_TYPE_LABELS = Map.of(
            "ukendt", ReporterType.UNKNOWN,
            "sundhedsperson", ReporterType.HEALTH_PROFESSIONAL,
            "sundhedsprofessionel", ReporterType.HEALTH_PROFESSIONAL,
            "patient", ReporterType.PATIENT,
            "pårørende", ReporterType.RELATIVE,
            "andet", ReporterType.OTHER,
            "anden", ReporterType.OTHER);

    static final Map<String, LocationRole> ROLE_LABELS = Map.of();

    static final Map<String, BatchArea> AREA_LABELS = Map.of(
            "fald", BatchArea.FALLS,
            "infektion", BatchArea.INFECTIONS,
            "infektioner", BatchArea.INFECTIONS,
            "medicinadministration", BatchArea.MEDICATION_ADMINISTRATION,
            "medicindispensering", BatchArea.MEDICATION_DISPENSING);

    /** "must be one of NONE, MINOR (or ingen, mindre alvorlig)": the allowed values, never the value given. */
    static <E extends Enum<E>> String oneOf(Class<E> type, Map<String, E> labels) {
        String symbols = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        String danish = labels.keySet().stream().sorted().collect(Collectors.joining(", "));
        return "must be one of " + symbols + (danish.isEmpty() ? "" : " (or Danish: " + danish + ")");
    }
}
