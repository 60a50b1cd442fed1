package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.CountVisibility;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.LearningAudience;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.PublishedCount;
import dk.rm.patientsafety.events.SummaryCount;
import dk.rm.patientsafety.service.words.DanishWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A summary's counts: each beside the period before and the baseline (the median of up to 12 earlier periods). Staff see
 * every count; a partner sees each period's counts as {@link SmallCellSuppression} publishes them, and the period before
 * and the baseline are worked out from those published counts alone, so they tell nothing the partner's own earlier
 * summaries did not.
 */
final class SummaryCounts {

    static final String TOTAL = "TOTAL";
    static final String NOT_SHOWN = "–";
    static final String BELOW_FIVE = "<5";
    static final String HIDDEN = "•";

    /** The rows a summary counts, in order. */
    record Rows(List<IncidentType> types, List<OverallSeverity> severities) {
    }

    /** One period's counts in the rows' order. */
    record PeriodCounts(int total, List<Integer> byType, List<Integer> bySeverity) {
    }

    /** One period's counts as they may be published. */
    private record Cells(PublishedCount total, List<PublishedCount> byType, List<PublishedCount> bySeverity) {
    }

    record Counted(SummaryCount total, List<SummaryCount> byType, List<SummaryCount> bySeverity) {
    }

    private SummaryCounts() {
    }

    static PeriodCounts count(List<LearningIncident> incidents, Rows rows) {
        return new PeriodCounts(incidents.size(),
                rows.types().stream().map(t -> (int) incidents.stream().filter(i -> i.getIncidentType() == t).count()).toList(),
                rows.severities().stream().map(s -> (int) incidents.stream().filter(i -> i.getOverallSeverity() == s).count()).toList());
    }

    static Counted counted(LearningAudience audience, Rows rows, PeriodCounts current, PeriodCounts previous, List<PeriodCounts> baseline) {
        Cells now = publish(audience, current);
        Cells before = publish(audience, previous);
        List<Cells> usual = baseline.stream().map(counts -> publish(audience, counts)).toList();
        SummaryCount total = row(TOTAL, "I alt", now.total(), before.total(), usual.stream().map(Cells::total).toList());
        List<SummaryCount> byType = new ArrayList<>();
        for (int i = 0; i < rows.types().size(); i++) {
            int at = i;
            IncidentType type = rows.types().get(i);
            byType.add(row(type.name(), DanishWords.type(type), now.byType().get(i), before.byType().get(i), column(usual, c -> c.byType().get(at))));
        }
        List<SummaryCount> bySeverity = new ArrayList<>();
        for (int i = 0; i < rows.severities().size(); i++) {
            int at = i;
            OverallSeverity severity = rows.severities().get(i);
            bySeverity.add(row(severity.name(), DanishWords.severity(severity), now.bySeverity().get(i), before.bySeverity().get(i),
                    column(usual, c -> c.bySeverity().get(at))));
        }
        return new Counted(total, byType, bySeverity);
    }

    private static List<PublishedCount> column(List<Cells> periods, Function<Cells, PublishedCount> cell) {
        return periods.stream().map(cell).toList();
    }

    private static Cells publish(LearningAudience audience, PeriodCounts counts) {
        if (audience == LearningAudience.STAFF) {
            return new Cells(shown(counts.total()), counts.byType().stream().map(SummaryCounts::shown).toList(),
                    counts.bySeverity().stream().map(SummaryCounts::shown).toList());
        }
        SmallCellSuppression.Published published = SmallCellSuppression.suppress(
                new SmallCellSuppression.Table(counts.total(), List.of(counts.byType(), counts.bySeverity())));
        return new Cells(cell(counts.total(), published.total()),
                cells(counts.byType(), published.breakdowns().get(0)), cells(counts.bySeverity(), published.breakdowns().get(1)));
    }

    private static List<PublishedCount> cells(List<Integer> counts, List<SmallCellSuppression.Visibility> visibility) {
        List<PublishedCount> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(cell(counts.get(i), visibility.get(i)));
        }
        return cells;
    }

    private static PublishedCount cell(int count, SmallCellSuppression.Visibility visibility) {
        return switch (visibility) {
            case SHOWN -> shown(count);
            case BELOW_FIVE -> new PublishedCount(null, CountVisibility.BELOW_FIVE, BELOW_FIVE);
            case HIDDEN -> new PublishedCount(null, CountVisibility.HIDDEN, HIDDEN);
        };
    }

    private static PublishedCount shown(int count) {
        return new PublishedCount(count, CountVisibility.SHOWN, Integer.toString(count));
    }

    private static SummaryCount row(String key, String label, PublishedCount now, PublishedCount before, List<PublishedCount> usual) {
        Integer change = now.getValue() != null && before.getValue() != null ? now.getValue() - before.getValue() : null;
        Double median = null;
        String display = NOT_SHOWN;
        if (!usual.isEmpty() && usual.stream().allMatch(c -> c.getValue() != null)) {
            median = median(usual.stream().map(PublishedCount::getValue).toList());
            display = decimal(median);
        } else if (!usual.isEmpty() && usual.stream().filter(c -> c.getVisibility() == CountVisibility.BELOW_FIVE).count() >= usual.size() / 2 + 1) {
            // More than half the periods below five: both middle values are, whatever they are.
            display = BELOW_FIVE;
        }
        return new SummaryCount(key, label, now, before, change, median, display);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** 7 or 7,5: a median of whole counts has at most one half. */
    static String decimal(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }
}
