package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalPoint;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.spc.Chart;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Says a signal in the words of a patient-safety officer: what moved, since when, and why it is unlikely to be chance. */
public final class SignalSentences {

    private SignalSentences() {
    }

    /** {@code chart} is only read for a raised runs signal; a cleared signal needs none. */
    public static String sentence(SeriesData series, Chart chart, SignalRule rule, SignalChange change, List<SignalPoint> points) {
        return series.title() + ": " + switch (rule) {
            case SIGMA -> change == SignalChange.RAISED ? outsideLimits(series, points)
                    : "no longer outside the control limits in " + periods(series, points)
                    + " (the data or the limits changed, e.g. after a late report or a reclassification).";
            case LONGEST_RUN -> change == SignalChange.RAISED ? String.format(Locale.ROOT,
                    "%d periods in a row (%s) lie on the same side of the centre line; with %d useful points, runs longer "
                            + "than %d are unlikely to be chance. The level has probably shifted: look for what changed around %s.",
                    points.size(), span(series, points), chart.lastPartRuns().usefulObservations(), chart.lastPartRuns().longestRunLimit(),
                    label(series, points.get(0)))
                    : "the unusually long run on one side of the centre line has ended; the series looks stable again.";
            case FEW_CROSSINGS -> change == SignalChange.RAISED ? String.format(Locale.ROOT,
                    "the curve crosses its centre line only %d times in %d useful points, fewer than the %d expected at least "
                            + "by chance. The process has probably changed during the period shown.",
                    chart.lastPartRuns().crossings(), chart.lastPartRuns().usefulObservations(), chart.lastPartRuns().crossingsLimit())
                    : "the curve crosses its centre line often enough again; no sign of a sustained shift.";
        };
    }

    private static String outsideLimits(SeriesData series, List<SignalPoint> points) {
        if (SeriesId.parseBetween(series.seriesId()).isPresent()) {
            return longGaps(series, points);
        }
        String which = points.stream().map(p -> String.format(Locale.ROOT, "%s (%s, %s)", label(series, p), number(p.getValue()),
                        p.getUpperLimit() != null && p.getValue() != null && p.getValue() > p.getUpperLimit()
                                ? "above the upper limit " + number(p.getUpperLimit())
                                : "below the lower limit " + number(p.getLowerLimit())))
                .collect(Collectors.joining(", "));
        return "a value outside the control limits in " + which + ". A point this far from the usual level is unlikely "
                + "to be chance: look for a special cause in that period.";
    }

    /** A G chart's lower limit is 0: only a long time without an event lies outside. */
    private static String longGaps(SeriesData series, List<SignalPoint> points) {
        String which = points.stream().map(p -> String.format(Locale.ROOT, "%s days before %s (above the upper limit %s)",
                number(p.getValue()), label(series, p), number(p.getUpperLimit()))).collect(Collectors.joining(", "));
        return "an unusually long time without such an incident: " + which + ". A gap this long is unlikely to be chance: "
                + "either the risk fell (find out what works, and keep it) or incidents stopped being reported.";
    }

    private static String periods(SeriesData series, List<SignalPoint> points) {
        return points.stream().map(p -> label(series, p)).collect(Collectors.joining(", "));
    }

    private static String span(SeriesData series, List<SignalPoint> points) {
        return label(series, points.get(0)) + " to " + label(series, points.get(points.size() - 1));
    }

    private static String label(SeriesData series, SignalPoint point) {
        LocalDate start = point.getPeriodStart();
        return series.points().stream().filter(p -> p.periodStart().equals(start)).map(SeriesPoint::label).findFirst()
                .orElse(start.toString());
    }

    private static String number(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
