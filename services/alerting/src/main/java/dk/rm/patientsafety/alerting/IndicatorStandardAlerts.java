package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.quality.QualitySeries;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the {@link IndicatorStandardRule} to each series' results in period order: only a streak of misses that
 * reaches the latest period stands, so a file of old results pages no one for streaks long over, and a corrected
 * or a met period withdraws what no longer holds. Keyed by series id, so one task holds a series.
 */
final class IndicatorStandardAlerts extends AlertProcessor<QualityIndicatorObservation> {

    static final String RESULTS = "indicator-standard-results";
    static final String ALERTS = "indicator-standard-alerts";

    private final IndicatorStandardRule rule;
    private KeyValueStore<String, QualityIndicatorObservation> results;

    IndicatorStandardAlerts(IndicatorStandardRule rule, OrganisationRegister register, Clock clock) {
        super(ALERTS, register, clock);
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        this.results = context.getStateStore(RESULTS);
    }

    @Override
    public void process(Record<String, QualityIndicatorObservation> record) {
        String seriesId = record.key();
        results.put(seriesId + "|" + record.value().getPeriodStart(), record.value());
        List<QualityIndicatorObservation> series = new ArrayList<>();
        try (KeyValueIterator<String, QualityIndicatorObservation> it = results.prefixScan(seriesId + "|", new StringSerializer())) {
            it.forEachRemaining(entry -> series.add(entry.value));
        }
        int first = series.size();
        while (first > 0 && Boolean.FALSE.equals(QualitySeries.standardMet(series.get(first - 1)))) {
            first--;
        }
        List<QualityIndicatorObservation> streak = series.subList(first, series.size());
        String current = streak.size() >= rule.periods() ? IndicatorStandardRule.alertId(seriesId, streak.get(0).getPeriodStart()) : null;
        Instant now = clock.instant();
        List<Alert> standing = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = alerts.prefixScan(IndicatorStandardRule.alertIdPrefix(seriesId), new StringSerializer())) {
            it.forEachRemaining(entry -> standing.add(entry.value));
        }
        for (Alert alert : standing) {
            if (!alert.getAlertId().equals(current) && alert.getStatus() != AlertStatus.WITHDRAWN) {
                publish(record.timestamp(), rule.withdrawn(alert, now));
            }
        }
        if (current != null) {
            Alert before = alerts.get(current);
            String unit = record.value().getUnitSorCode();
            Alert next = rule.alert(seriesId, streak, register.lineage(unit), UnitResponsibility.of(register, unit),
                    before == null ? now : before.getRaisedAt(), now);
            publishIfChanged(record.timestamp(), next, before);
        }
    }
}
