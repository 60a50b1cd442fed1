package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;

import java.util.List;
import java.util.Optional;

/**
 * Names a series so that it fits in a URL path and sorts by unit: {@code incidents:MONTH:1309011000000:MEDICATION}
 * (or {@code ALL} types) and {@code indicator:RKKP-DAHTA:1a:1:1309011000000}.
 */
public final class SeriesId {

    public static final String ALL_TYPES = "ALL";
    static final String INCIDENTS = "incidents";
    static final String INDICATOR = "indicator";

    private SeriesId() {
    }

    public static String incidents(PeriodGranularity granularity, String unit, Optional<IncidentType> type) {
        return String.join(":", INCIDENTS, granularity.name(), unit, type.map(Enum::name).orElse(ALL_TYPES));
    }

    public static String indicator(QualityIndicatorObservation observation) {
        return String.join(":", INDICATOR, pathSafe(observation.getSource()), pathSafe(observation.getIndicatorId()),
                pathSafe(observation.getIndicatorVersion()), pathSafe(observation.getUnitSorCode()));
    }

    /** The parts of an incident series id, or empty if the id names no incident series. */
    public static Optional<IncidentSeries> parseIncidents(String seriesId) {
        List<String> parts = List.of(seriesId.split(":", -1));
        if (parts.size() != 4 || !parts.get(0).equals(INCIDENTS)) {
            return Optional.empty();
        }
        try {
            PeriodGranularity granularity = PeriodGranularity.valueOf(parts.get(1));
            Optional<IncidentType> type = parts.get(3).equals(ALL_TYPES) ? Optional.empty() : Optional.of(IncidentType.valueOf(parts.get(3)));
            return Optional.of(new IncidentSeries(granularity, parts.get(2), type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The SOR code of the unit a series belongs to, or empty if the id names no series. */
    public static Optional<String> unit(String seriesId) {
        List<String> parts = List.of(seriesId.split(":", -1));
        if (parts.size() == 4 && parts.get(0).equals(INCIDENTS) || parts.size() == 5 && parts.get(0).equals(INDICATOR)) {
            return Optional.of(parts.get(parts.get(0).equals(INCIDENTS) ? 2 : 4));
        }
        return Optional.empty();
    }

    public static boolean isIndicator(String seriesId) {
        return seriesId.startsWith(INDICATOR + ":");
    }

    /** Sources such as 'RKKP/DAHTA' hold characters a path segment cannot. */
    private static String pathSafe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** An incident series: counts of one unit, one type or all types, at one granularity. */
    public record IncidentSeries(PeriodGranularity granularity, String unit, Optional<IncidentType> type) {
        public String id() {
            return incidents(granularity, unit, type);
        }
    }
}
