package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the {@link SpcSignalRule}: a raised signal raises (or keeps) its alert and cancels a pending withdrawal; a
 * cleared one only schedules the withdrawal, which a wall-clock round carries out once the debounce has passed.
 * Keyed by series id, as the signals topic is, so one task holds all of a series' alerts.
 */
final class SpcSignalAlerts extends AlertProcessor<StatisticalSignal> {

    static final String ALERTS = "spc-signal-alerts";
    /** Alert id → when its signal cleared (epoch ms): withdrawn once the debounce has passed without a new raise. */
    static final String PENDING_CLEARS = "spc-signal-pending-clears";
    private static final Duration ROUND = Duration.ofMinutes(1);

    private final SpcSignalRule rule;
    private KeyValueStore<String, Long> pendingClears;

    SpcSignalAlerts(SpcSignalRule rule, OrganisationRegister register, Clock clock) {
        super(ALERTS, register, clock);
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        this.pendingClears = context.getStateStore(PENDING_CLEARS);
        context.schedule(ROUND, PunctuationType.WALL_CLOCK_TIME, wallClock -> withdrawSettled());
    }

    @Override
    public void process(Record<String, StatisticalSignal> record) {
        StatisticalSignal signal = record.value();
        String alertId = SpcSignalRule.alertId(signal.getSeriesId(), signal.getRule());
        Alert standing = alerts.get(alertId);
        Instant now = clock.instant();
        if (signal.getChange() == SignalChange.CLEARED) {
            if (standing != null && standing.getStatus() != AlertStatus.WITHDRAWN) {
                pendingClears.put(alertId, now.toEpochMilli());
            }
            return;
        }
        pendingClears.delete(alertId);
        Instant raisedAt = standing == null ? now : standing.getRaisedAt();
        Alert next = rule.raised(signal, register.lineage(signal.getUnitSorCode()), UnitResponsibility.of(register, signal.getUnitSorCode()), raisedAt, now);
        // The same signal again changes nothing; one back within the debounce finds its alert still standing.
        publishIfChanged(record.timestamp(), next, standing);
    }

    /** The round's time is the service's clock, the one the clears were stamped by. */
    private void withdrawSettled() {
        Instant now = clock.instant();
        List<KeyValue<String, Long>> settled = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = pendingClears.all()) {
            it.forEachRemaining(entry -> {
                if (now.toEpochMilli() - entry.value >= rule.debounce().toMillis()) {
                    settled.add(entry);
                }
            });
        }
        for (KeyValue<String, Long> clear : settled) {
            pendingClears.delete(clear.key);
            Alert standing = alerts.get(clear.key);
            if (standing != null && standing.getStatus() != AlertStatus.WITHDRAWN) {
                publish(now.toEpochMilli(), rule.withdrawn(standing, now));
            }
        }
    }
}
