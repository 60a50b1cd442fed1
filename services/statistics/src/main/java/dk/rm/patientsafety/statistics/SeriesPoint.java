package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.spc.Observation;

import java.time.LocalDate;

/**
 * One period of a series with the observation charted for it; for a quality indicator also its standard (target) and
 * whether the period met it, null where there is none.
 */
public record SeriesPoint(LocalDate periodStart, LocalDate periodEnd, String label, Observation observation, Double target,
                          Boolean standardMet) {

    public static SeriesPoint of(LocalDate periodStart, LocalDate periodEnd, String label, Observation observation) {
        return new SeriesPoint(periodStart, periodEnd, label, observation, null, null);
    }
}
