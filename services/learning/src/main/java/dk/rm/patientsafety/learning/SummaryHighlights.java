package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.SummaryCount;
import dk.rm.patientsafety.events.SummarySeriousIncident;

import java.util.ArrayList;
import java.util.List;

/** What stands out, in Danish sentences built from published counts only, so a partner's sentences reveal no more than its table. */
final class SummaryHighlights {

    /** A type is mentioned when it is at least twice its baseline, and at least this many, over at least this many periods. */
    static final int NOTABLE_COUNT = 3;
    static final int NOTABLE_BASELINE_PERIODS = 4;

    private SummaryHighlights() {
    }

    static List<String> of(SummaryCounts.Counted counted, int baselinePeriods, List<SummarySeriousIncident> serious, int signals) {
        List<String> sentences = new ArrayList<>();
        SummaryCount total = counted.total();
        if (Integer.valueOf(0).equals(total.getCount().getValue())) {
            sentences.add("Ingen hændelser i perioden.");
        } else {
            sentences.add("I alt " + total.getCount().getDisplay() + " hændelser (forrige periode " + total.getPrevious().getDisplay()
                    + (baselinePeriods > 0 ? "; typisk " + total.getBaselineDisplay() + " over de seneste " + baselinePeriods + " perioder" : "")
                    + ").");
        }
        for (SummaryCount type : counted.byType()) {
            Integer count = type.getCount().getValue();
            if (count != null && type.getBaseline() != null && baselinePeriods >= NOTABLE_BASELINE_PERIODS && count >= NOTABLE_COUNT
                    && count >= 2 * type.getBaseline()) {
                sentences.add("Flere end sædvanligt: " + type.getLabel() + " " + count + " (typisk " + type.getBaselineDisplay() + ").");
            }
        }
        if (!serious.isEmpty()) {
            long open = serious.stream().filter(s -> s.getAlertStatus() == FollowUpStatus.OPEN).count();
            sentences.add(serious.size() + (serious.size() == 1 ? " alvorlig hændelse" : " alvorlige hændelser")
                    + (open > 0 ? "; " + open + " af dem er endnu ikke kvitteret." : "."));
        }
        if (signals > 0) {
            sentences.add(signals + (signals == 1 ? " signal" : " signaler") + " i kontroldiagrammerne for periodens serier.");
        }
        return sentences;
    }
}
