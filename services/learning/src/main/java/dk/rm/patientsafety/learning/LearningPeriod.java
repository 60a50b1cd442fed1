package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningCadence;
import dk.rm.patientsafety.service.words.DanishWords;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** A summary's period: an ISO week (Monday to Sunday) or a calendar month, named {@code 2026-W49} or {@code 2026-11}. */
public record LearningPeriod(LearningCadence cadence, LocalDate start) {

    public static LearningPeriod of(LearningCadence cadence, LocalDate day) {
        return new LearningPeriod(cadence, cadence == LearningCadence.WEEKLY
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1));
    }

    /** The last day of the period. */
    public LocalDate end() {
        return cadence == LearningCadence.WEEKLY ? start.plusDays(6) : start.plusMonths(1).minusDays(1);
    }

    public LearningPeriod plus(int periods) {
        return new LearningPeriod(cadence, cadence == LearningCadence.WEEKLY ? start.plusWeeks(periods) : start.plusMonths(periods));
    }

    public LearningPeriod next() {
        return plus(1);
    }

    public LearningPeriod previous() {
        return plus(-1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end());
    }

    public boolean isBefore(LearningPeriod other) {
        return start.isBefore(other.start);
    }

    /** {@code 2026-W49} (the ISO week-based year, which can differ from the calendar year at New Year) or {@code 2026-11}. */
    public String key() {
        return cadence == LearningCadence.WEEKLY
                ? String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format("%d-%02d", start.getYear(), start.getMonthValue());
    }

    /** {@code uge 49, 2026} or {@code november 2026}. */
    public String label() {
        return cadence == LearningCadence.WEEKLY
                ? "uge " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + start.get(IsoFields.WEEK_BASED_YEAR)
                : DanishWords.month(start.getMonthValue()) + " " + start.getYear();
    }
}
