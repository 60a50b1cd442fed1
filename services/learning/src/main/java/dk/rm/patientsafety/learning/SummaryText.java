package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.SummaryCount;
import dk.rm.patientsafety.events.SummaryExample;
import dk.rm.patientsafety.events.SummarySeriousIncident;
import dk.rm.patientsafety.events.SummarySignal;
import dk.rm.patientsafety.events.SummaryTheme;
import dk.rm.patientsafety.service.words.DanishWords;

import java.util.List;

/** A summary as a Danish mail: what stands out, the counts, and for staff the serious incidents, signals and examples. */
final class SummaryText {

    private SummaryText() {
    }

    static String subject(LearningSummary summary) {
        String what = summary.getSubscriptionName() != null ? summary.getSubscriptionName() : String.join(", ", summary.getUnits());
        return "Læringsopsummering, " + summary.getPeriodLabel() + ": " + what;
    }

    static String text(LearningSummary summary) {
        StringBuilder text = new StringBuilder();
        text.append("Læringsopsummering for ").append(summary.getPeriodLabel()).append(" (").append(summary.getPeriodStart())
                .append(" til ").append(summary.getPeriodEnd()).append(")\n\n");
        summary.getHighlights().forEach(sentence -> text.append("* ").append(sentence).append('\n'));
        text.append("\nAntal hændelser (denne periode / forrige periode / typisk)\n");
        row(text, summary.getTotal());
        text.append("\nEfter type\n");
        summary.getByType().forEach(row -> row(text, row));
        text.append("\nEfter alvorlighed\n");
        summary.getBySeverity().forEach(row -> row(text, row));
        List<SummaryTheme> themes = summary.getThemes();
        if (!themes.isEmpty()) {
            text.append("\nHyppigste temaer\n");
            themes.forEach(t -> text.append("  ").append(t.getLabel()).append(": ").append(t.getCount()).append(" (forrige ")
                    .append(t.getPrevious()).append(")\n"));
        }
        List<SummarySignal> signals = summary.getSignals();
        if (!signals.isEmpty()) {
            text.append("\nSignaler i kontroldiagrammerne\n");
            signals.forEach(s -> text.append("  ").append(s.getSeriesTitle()).append(": ").append(s.getSentence()).append('\n'));
        }
        List<SummarySeriousIncident> serious = summary.getSeriousIncidents();
        if (!serious.isEmpty()) {
            text.append("\nAlvorlige hændelser\n");
            serious.forEach(s -> text.append("  ").append(s.getEventDate()).append(", ").append(DanishWords.severity(s.getOverallSeverity()))
                    .append(", ").append(DanishWords.type(s.getIncidentType())).append(": alarm ").append(s.getAlertStatusLabel())
                    .append(s.getExternalHeadline() == null ? "" : " - " + s.getExternalHeadline()).append('\n'));
        }
        List<SummaryExample> examples = summary.getExamples();
        if (!examples.isEmpty()) {
            text.append("\nEksempler (i den eksternt anonymiserede form)\n");
            examples.forEach(e -> text.append("\n  ").append(e.getHeadline()).append(" (").append(DanishWords.type(e.getIncidentType()))
                    .append(", ").append(DanishWords.severity(e.getOverallSeverity())).append(")\n  ").append(e.getDescription()).append('\n'));
        }
        text.append("\nTallene opdateres, hvis sene indberetninger eller omklassificeringer ændrer perioden; denne mail sendes kun én gang"
                + " pr. periode. Version ").append(summary.getDigest()).append(".\n");
        return text.toString();
    }

    private static void row(StringBuilder text, SummaryCount row) {
        text.append("  ").append(row.getLabel()).append(": ").append(row.getCount().getDisplay()).append(" / ")
                .append(row.getPrevious().getDisplay()).append(" / ").append(row.getBaselineDisplay()).append('\n');
    }
}
