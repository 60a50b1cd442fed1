package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.LearningAlertState;
import dk.rm.patientsafety.events.LearningAudience;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.SummaryExample;
import dk.rm.patientsafety.events.SummarySeriousIncident;
import dk.rm.patientsafety.events.SummarySignal;
import dk.rm.patientsafety.events.SummaryTheme;
import dk.rm.patientsafety.events.ThemeKind;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.words.DanishWords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One subscription's summary of one period, from the incidents of that period and the 12 before it, the period's signals
 * and the alerts of its serious incidents. A function of those inputs alone, never of the time it runs, so a replay or
 * a second run gives the same summary and the same digest. A partner's summary holds suppressed counts only.
 */
final class SummaryBuilder {

    static final int BASELINE_PERIODS = 12;
    static final int THEMES = 5;
    static final int EXAMPLES = 3;
    static final int SERIOUS_LISTED = 50;
    private static final List<OverallSeverity> SERIOUS = List.of(
            OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, OverallSeverity.SERIOUS_CONSEQUENCE, OverallSeverity.FATAL_CONSEQUENCE);

    private final OrganisationRegister register;

    SummaryBuilder(OrganisationRegister register) {
        this.register = register;
    }

    /** What a summary is made of; {@code incidents} from the start of the 12th period before to the end of this one. */
    record Inputs(List<LearningIncident> incidents, Optional<LocalDate> firstReportDate, List<StatisticalSignal> signals,
                  Function<String, Optional<LearningAlertState>> alertOfReport) {
    }

    LearningSummary build(LearningSubscription subscription, LearningPeriod period, Inputs inputs) {
        Map<LearningPeriod, List<LearningIncident>> byPeriod = new TreeMap<>(Comparator.comparing(LearningPeriod::start));
        inputs.incidents().stream().filter(incident -> SubscriptionScope.covers(subscription, incident))
                .forEach(incident -> byPeriod.computeIfAbsent(LearningPeriod.of(period.cadence(), incident.getEventDate()), p -> new ArrayList<>())
                        .add(incident));
        List<LearningIncident> current = sorted(byPeriod.getOrDefault(period, List.of()));
        List<LearningIncident> previous = byPeriod.getOrDefault(period.previous(), List.of());
        List<LearningPeriod> baseline = baselinePeriods(period, inputs.firstReportDate());
        boolean staff = subscription.getAudience() == LearningAudience.STAFF;

        SummaryCounts.Rows rows = rows(subscription, staff, byPeriod, period, baseline);
        SummaryCounts.Counted counted = SummaryCounts.counted(subscription.getAudience(), rows, SummaryCounts.count(current, rows),
                SummaryCounts.count(previous, rows),
                baseline.stream().map(p -> SummaryCounts.count(byPeriod.getOrDefault(p, List.of()), rows)).toList());
        List<SummarySeriousIncident> serious = staff ? serious(current, inputs.alertOfReport()) : List.of();
        List<SummarySignal> signals = staff ? signals(subscription, inputs.signals()) : List.of();

        LearningSummary summary = LearningSummary.newBuilder()
                .setSubscriptionId(subscription.getSubscriptionId())
                .setSubscriptionName(subscription.getName())
                .setAudience(subscription.getAudience())
                .setCadence(period.cadence())
                .setPeriod(period.key())
                .setPeriodLabel(period.label())
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setUnits(subscription.getUnits().stream().sorted().toList())
                .setIncidentTypes(subscription.getIncidentTypes().stream().sorted().toList())
                .setMinimumSeverity(subscription.getMinimumSeverity())
                .setCrossSectorOnly(subscription.getCrossSectorOnly())
                .setBaselinePeriods(baseline.size())
                .setTotal(counted.total())
                .setByType(counted.byType())
                .setBySeverity(counted.bySeverity())
                .setThemes(staff ? themes(current, previous) : List.of())
                .setSignals(signals)
                .setSeriousIncidents(serious)
                .setExamples(staff ? examples(current) : List.of())
                .setHighlights(SummaryHighlights.of(counted, baseline.size(), serious, signals.size()))
                .setDigest("")
                .build();
        summary.setDigest(SummaryDigest.of(summary));
        return summary;
    }

    /** The earlier periods that end on or after the first day the platform holds a report for: before it, zero means nothing. */
    static List<LearningPeriod> baselinePeriods(LearningPeriod period, Optional<LocalDate> firstReportDate) {
        List<LearningPeriod> periods = new ArrayList<>();
        for (int back = BASELINE_PERIODS; back >= 1; back--) {
            LearningPeriod earlier = period.plus(-back);
            if (firstReportDate.isPresent() && !earlier.end().isBefore(firstReportDate.get())) {
                periods.add(earlier);
            }
        }
        return periods;
    }

    /**
     * A partner's rows are every type it takes and every severity, zero or not, so that which rows appear tells nothing;
     * staff see the types that occur in the period, the one before or the baseline.
     */
    private static SummaryCounts.Rows rows(LearningSubscription subscription, boolean staff, Map<LearningPeriod, List<LearningIncident>> byPeriod,
                                           LearningPeriod period, List<LearningPeriod> baseline) {
        List<IncidentType> types = Arrays.stream(IncidentType.values())
                .filter(t -> subscription.getIncidentTypes().isEmpty() || subscription.getIncidentTypes().contains(t)).toList();
        if (staff) {
            List<LearningPeriod> shown = new ArrayList<>(baseline);
            shown.add(period.previous());
            shown.add(period);
            types = types.stream().filter(t -> shown.stream().flatMap(p -> byPeriod.getOrDefault(p, List.of()).stream())
                    .anyMatch(i -> i.getIncidentType() == t)).toList();
        }
        List<OverallSeverity> severities = Arrays.stream(OverallSeverity.values())
                .filter(s -> subscription.getMinimumSeverity() == null || s.ordinal() >= subscription.getMinimumSeverity().ordinal()).toList();
        return new SummaryCounts.Rows(types, severities);
    }

    private static List<LearningIncident> sorted(List<LearningIncident> incidents) {
        return incidents.stream().sorted(Comparator.comparing(LearningIncident::getEventDate).thenComparing(LearningIncident::getReportId)).toList();
    }

    private static List<SummaryTheme> themes(List<LearningIncident> current, List<LearningIncident> previous) {
        List<SummaryTheme> themes = new ArrayList<>();
        Map<IncidentType, Long> types = current.stream().collect(Collectors.groupingBy(LearningIncident::getIncidentType, Collectors.counting()));
        types.entrySet().stream()
                .sorted(Map.Entry.<IncidentType, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(THEMES)
                .forEach(e -> themes.add(new SummaryTheme(ThemeKind.INCIDENT_TYPE, e.getKey().name(), DanishWords.type(e.getKey()),
                        e.getValue().intValue(), (int) previous.stream().filter(i -> i.getIncidentType() == e.getKey()).count())));
        Map<String, Long> rules = current.stream().flatMap(i -> i.getPhraseRules().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        rules.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(THEMES)
                .forEach(e -> themes.add(new SummaryTheme(ThemeKind.PHRASE_RULE, e.getKey(), LearningFacts.pattern(e.getKey()),
                        e.getValue().intValue(), (int) previous.stream().filter(i -> i.getPhraseRules().contains(e.getKey())).count())));
        return themes;
    }

    private static List<SummarySeriousIncident> serious(List<LearningIncident> current, Function<String, Optional<LearningAlertState>> alertOf) {
        return current.stream().filter(i -> SERIOUS.contains(i.getOverallSeverity())).limit(SERIOUS_LISTED).map(incident -> {
            Optional<LearningAlertState> alert = alertOf.apply(incident.getReportId());
            FollowUpStatus status = alert.map(a -> a.getWithdrawn() ? FollowUpStatus.WITHDRAWN
                    : a.getFollowUp() == null ? FollowUpStatus.OPEN : a.getFollowUp()).orElse(null);
            return SummarySeriousIncident.newBuilder()
                    .setReportId(incident.getReportId())
                    .setEventDate(incident.getEventDate())
                    .setIncidentType(incident.getIncidentType())
                    .setOverallSeverity(incident.getOverallSeverity())
                    .setIncidentLocation(incident.getIncidentLocation())
                    .setExternalHeadline(incident.getExternalHeadline())
                    .setAlertId(alert.map(LearningAlertState::getAlertId).orElse(null))
                    .setAlertStatus(status)
                    .setAlertStatusLabel(status == null ? "ingen alarm modtaget" : DanishWords.followUp(status))
                    .build();
        }).toList();
    }

    private List<SummarySignal> signals(LearningSubscription subscription, List<StatisticalSignal> signals) {
        return signals.stream().filter(signal -> SubscriptionScope.covers(subscription, signal, register))
                .sorted(Comparator.comparing(StatisticalSignal::getSeriesId).thenComparing(StatisticalSignal::getSignalId))
                .map(signal -> new SummarySignal(signal.getSignalId(), signal.getSeriesId(), signal.getSeriesTitle(), signal.getUnitSorCode(),
                        signal.getRule(), signal.getChange(), signal.getSentence()))
                .toList();
    }

    /** The most severe first, then the latest; only incidents whose redacted headline and description are both there. */
    private static List<SummaryExample> examples(List<LearningIncident> current) {
        return current.stream()
                .filter(i -> notBlank(i.getExternalHeadline()) && notBlank(i.getExternalDescription()))
                .sorted(Comparator.comparing((LearningIncident i) -> i.getOverallSeverity().ordinal()).reversed()
                        .thenComparing(LearningIncident::getEventDate, Comparator.reverseOrder())
                        .thenComparing(LearningIncident::getReportId))
                .limit(EXAMPLES)
                .map(i -> new SummaryExample(i.getReportId(), i.getIncidentType(), i.getOverallSeverity(), i.getExternalHeadline(),
                        i.getExternalDescription()))
                .toList();
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
