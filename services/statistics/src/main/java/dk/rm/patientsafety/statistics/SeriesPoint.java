package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.spc.Observation;

import java.time.LocalDate;

/** One period of a series with the observation charted for it. */
public record SeriesPoint(LocalDate periodStart, LocalDate periodEnd, String label, Observation observation) {
}
