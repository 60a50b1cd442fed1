package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.SignalPoint;
import dk.rm.patientsafety.events.StatisticalSignal;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

/**
 * Files each signal under the start of its latest point's period (the period whose close found it), or the day it was
 * detected if it names no point; a summary lists the signals filed in its period.
 */
final class SignalRecorder implements Processor<String, StatisticalSignal, Void, Void> {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private KeyValueStore<String, StatisticalSignal> signals;
    private ChangeMarks changes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        signals = context.getStateStore(LearningStores.SIGNALS);
        changes = new ChangeMarks(context);
    }

    @Override
    public void process(Record<String, StatisticalSignal> record) {
        StatisticalSignal signal = record.value();
        LocalDate day = filedOn(signal);
        String key = LearningStores.dated(day, signal.getSignalId());
        if (!signal.equals(signals.get(key))) {
            signals.put(key, signal);
            changes.period(day);
        }
    }

    static LocalDate filedOn(StatisticalSignal signal) {
        return signal.getPoints().stream().map(SignalPoint::getPeriodStart).max(Comparator.naturalOrder())
                .orElse(LocalDate.ofInstant(signal.getDetectedAt(), DENMARK));
    }
}
