package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.quality.QualitySeries;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names a series so that it fits in a URL path and sorts by unit: {@code incidents:MONTH:1309011000000:MEDICATION}
 * (or {@code ALL} types), {@code between:1309011000000:SERIOUS} (days between serious incidents, or between incidents
 * of one type) and {@code indicator:RKKP-DAHTA:1a:1:1309011000000}.
 */
public final class SeriesId {

    public static final String ALL_TYPES = "ALL";
    static final String INCIDENTS = "incidents";
    static final String INDICATOR = "indicator";
    static final String BETWEEN = "between";
    /** The subject of the series between serious incidents (any type); other between series name a type. */
    public static final String SERIOUS = "SERIOUS";

    private SeriesId() {
    }

    public static String incidents(PeriodGranularity granularity, String unit, Optional<IncidentType> type) {
        return String.join(":", INCIDENTS, granularity.name(), unit, type.map(Enum::name).orElse(ALL_TYPES));
    }

    public static String indicator(QualityIndicatorObservation observation) {
        return QualitySeries.id(observation);
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

    /** The parts of a series between events, or empty if the id names none. */
    public static Optional<BetweenSeries> parseBetween(String seriesId) {
        List<String> parts = List.of(seriesId.split(":", -1));
        if (parts.size() != 3 || !parts.get(0).equals(BETWEEN) || parts.get(1).isEmpty()) {
            return Optional.empty();
        }
        if (parts.get(2).equals(SERIOUS)) {
            return Optional.of(BetweenSeries.serious(parts.get(1)));
        }
        try {
            return Optional.of(BetweenSeries.ofType(parts.get(1), IncidentType.valueOf(parts.get(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A series kept per unit by the unit-keyed stream (counts or time between), or empty if the id names none. */
    public static Optional<UnitSeries> parseUnitSeries(String seriesId) {
        return parseIncidents(seriesId).<UnitSeries>map(s -> s).or(() -> parseBetween(seriesId));
    }

    /** The SOR code of the unit a series belongs to, or empty if the id names no series. */
    public static Optional<String> unit(String seriesId) {
        List<String> parts = List.of(seriesId.split(":", -1));
        if (parts.size() == 5 && parts.get(0).equals(INDICATOR)) {
            return Optional.of(parts.get(4));
        }
        return parseUnitSeries(seriesId).map(UnitSeries::unit);
    }

    public static boolean isIndicator(String seriesId) {
        return seriesId.startsWith(INDICATOR + ":");
    }


    /** A series of one unit that the unit-keyed stream totals and charts. */
    public sealed interface UnitSeries permits IncidentSeries, BetweenSeries {
        String id();

        String unit();

        /** The periods whose closing (grace passed) adds to the chart. */
        PeriodGranularity granularity();
    }

    /** An incident series: counts of one unit, one type or all types, at one granularity. */
    public record IncidentSeries(PeriodGranularity granularity, String unit, Optional<IncidentType> type) implements UnitSeries {
        public String id() {
            return incidents(granularity, unit, type);
        }
    }

    /**
     * The days between one unit's incidents of one kind: serious ones of any type ({@code type} empty), or those of one
     * type. Totalled per event day, so its events close with their days.
     */
    public record BetweenSeries(String unit, Optional<IncidentType> type) implements UnitSeries {
        /** Serious as the alerting service's serious-incident rule reads it: harm that was, or could have been, serious. */
        static final Set<OverallSeverity> SERIOUS_SEVERITIES = EnumSet.of(OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK,
                OverallSeverity.SERIOUS_CONSEQUENCE, OverallSeverity.FATAL_CONSEQUENCE);

        public static BetweenSeries serious(String unit) {
            return new BetweenSeries(unit, Optional.empty());
        }

        public static BetweenSeries ofType(String unit, IncidentType type) {
            return new BetweenSeries(unit, Optional.of(type));
        }

        public boolean serious() {
            return type.isEmpty();
        }

        public String id() {
            return String.join(":", BETWEEN, unit, type.map(Enum::name).orElse(SERIOUS));
        }

        public PeriodGranularity granularity() {
            return PeriodGranularity.DAY;
        }
    }
}
