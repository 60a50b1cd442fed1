package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningAlertState;
import dk.rm.patientsafety.events.LearningAudience;
import dk.rm.patientsafety.events.LearningCadence;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.StatisticalSignal;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the subscriptions and, each round, publishes the summaries that changed: for every closed period a subscription
 * has had (from the one it was created in), a summary whose digest differs from the one last published. A round first
 * turns what changed into summaries to build (a changed period and the 12 after it, whose baselines hold it; every period
 * of a changed subscription; a period that has just closed, for staff or, later, for partners), then builds at most a batch of them, so a year's
 * regeneration spreads over rounds instead of stopping the stream. A deleted subscription's summaries get tombstones.
 */
final class SummaryPublisher implements Processor<String, byte[], String, LearningSummary> {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final Deserializer<LearningSubscription> subscriptionReader;
    private final SummaryBuilder builder;
    private final SummarySchedule schedule;
    private final Clock clock;
    private ProcessorContext<String, LearningSummary> context;
    private KeyValueStore<String, LearningIncident> incidents;
    private KeyValueStore<String, StatisticalSignal> signals;
    private KeyValueStore<String, LearningAlertState> alerts;
    private KeyValueStore<String, String> alertOfReport;
    private KeyValueStore<String, LearningSubscription> subscriptions;
    private KeyValueStore<String, String> changed;
    private KeyValueStore<String, String> toBuild;
    private KeyValueStore<String, String> published;
    private KeyValueStore<String, String> marks;
    private ChangeMarks changes;

    SummaryPublisher(Deserializer<LearningSubscription> subscriptionReader, SummaryBuilder builder, SummarySchedule schedule, Clock clock) {
        this.subscriptionReader = subscriptionReader;
        this.builder = builder;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, LearningSummary> context) {
        this.context = context;
        incidents = context.getStateStore(LearningStores.INCIDENTS);
        signals = context.getStateStore(LearningStores.SIGNALS);
        alerts = context.getStateStore(LearningStores.ALERTS);
        alertOfReport = context.getStateStore(LearningStores.ALERT_OF_REPORT);
        subscriptions = context.getStateStore(LearningStores.SUBSCRIPTIONS);
        changed = context.getStateStore(LearningStores.CHANGED);
        toBuild = context.getStateStore(LearningStores.TO_BUILD);
        published = context.getStateStore(LearningStores.PUBLISHED);
        marks = context.getStateStore(LearningStores.MARKS);
        changes = new ChangeMarks(context);
        context.schedule(schedule.interval(), PunctuationType.WALL_CLOCK_TIME, now -> round());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String subscriptionId = record.key();
        if (record.value() == null) {
            deleted(subscriptionId);
            return;
        }
        // Undecodable bytes throw here, and the processing handler dead-letters the record.
        LearningSubscription next = subscriptionReader.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(""), record.value());
        LearningSubscription before = subscriptions.get(subscriptionId);
        if (before != null && before.getRevision() >= next.getRevision()) {
            return;
        }
        subscriptions.put(subscriptionId, next);
        changes.subscription(subscriptionId);
    }

    private void deleted(String subscriptionId) {
        if (subscriptions.get(subscriptionId) == null) {
            return;
        }
        subscriptions.delete(subscriptionId);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> summaries = published.prefixScan(subscriptionId + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            summaries.forEachRemaining(kv -> keys.add(kv.key));
        }
        long now = clock.millis();
        for (String key : keys) {
            published.delete(key);
            context.forward(new Record<>(key, null, now));
        }
        LOG.info("Subscription {} deleted: {} summaries tombstoned", subscriptionId, keys.size());
    }

    /** One round: what changed becomes summaries to build, then a batch of them is built and the changed ones published. */
    void round() {
        Map<LearningAudience, Map<LearningCadence, LearningPeriod>> lastClosed = new EnumMap<>(LearningAudience.class);
        for (LearningAudience audience : LearningAudience.values()) {
            LocalDate today = LocalDate.ofInstant(clock.instant().minus(schedule.delay(audience)), DENMARK);
            Map<LearningCadence, LearningPeriod> closedNow = new EnumMap<>(LearningCadence.class);
            for (LearningCadence cadence : LearningCadence.values()) {
                LearningPeriod closed = LearningPeriod.of(cadence, today).previous();
                closedNow.put(cadence, closed);
                String markKey = ChangeMarks.CLOSED + audience + "|" + cadence;
                String mark = marks.get(markKey);
                if (mark != null) {
                    for (LearningPeriod p = LearningPeriod.of(cadence, LocalDate.parse(mark)).next(); !closed.isBefore(p); p = p.next()) {
                        changed.put(ChangeMarks.PERIOD + cadence + "|" + p.start(), "");
                    }
                }
                marks.put(markKey, closed.start().toString());
            }
            lastClosed.put(audience, closedNow);
        }
        planFromChanges(lastClosed);
        build();
    }

    private void planFromChanges(Map<LearningAudience, Map<LearningCadence, LearningPeriod>> lastClosed) {
        List<String> seen = new ArrayList<>();
        List<LearningSubscription> all = new ArrayList<>();
        try (KeyValueIterator<String, LearningSubscription> it = subscriptions.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        try (KeyValueIterator<String, String> it = changed.all()) {
            it.forEachRemaining(kv -> seen.add(kv.key));
        }
        for (String change : seen) {
            if (change.startsWith(ChangeMarks.SUBSCRIPTION)) {
                LearningSubscription subscription = subscriptions.get(change.substring(ChangeMarks.SUBSCRIPTION.length()));
                if (subscription != null && !subscription.getPaused()) {
                    LearningPeriod last = lastClosed.get(subscription.getAudience()).get(subscription.getCadence());
                    for (LearningPeriod p = first(subscription); !last.isBefore(p); p = p.next()) {
                        plan(p, subscription);
                    }
                }
            } else {
                String[] parts = change.substring(ChangeMarks.PERIOD.length()).split("\\|");
                LearningCadence cadence = LearningCadence.valueOf(parts[0]);
                LearningPeriod changedPeriod = new LearningPeriod(cadence, LocalDate.parse(parts[1]));
                for (int later = 0; later <= SummaryBuilder.BASELINE_PERIODS; later++) {
                    LearningPeriod p = changedPeriod.plus(later);
                    all.stream().filter(s -> s.getCadence() == cadence && !s.getPaused() && !p.isBefore(first(s))
                            && !lastClosed.get(s.getAudience()).get(cadence).isBefore(p)).forEach(s -> plan(p, s));
                }
            }
            changed.delete(change);
        }
    }

    private static LearningPeriod first(LearningSubscription subscription) {
        return LearningPeriod.of(subscription.getCadence(), LocalDate.ofInstant(subscription.getCreatedAt(), DENMARK));
    }

    private void plan(LearningPeriod period, LearningSubscription subscription) {
        toBuild.put(period.cadence() + "|" + period.start() + "|" + subscription.getSubscriptionId(), "");
    }

    private void build() {
        List<KeyValue<String, String>> batch = new ArrayList<>();
        try (KeyValueIterator<String, String> it = toBuild.all()) {
            while (it.hasNext() && batch.size() < schedule.batch()) {
                batch.add(it.next());
            }
        }
        LearningPeriod loaded = null;
        SummaryBuilder.Inputs inputs = null;
        int publishedNow = 0;
        for (KeyValue<String, String> item : batch) {
            String[] parts = item.key.split("\\|");
            LearningPeriod period = new LearningPeriod(LearningCadence.valueOf(parts[0]), LocalDate.parse(parts[1]));
            LearningSubscription subscription = subscriptions.get(parts[2]);
            toBuild.delete(item.key);
            if (subscription == null || subscription.getPaused()) {
                continue;
            }
            if (!period.equals(loaded)) {
                inputs = inputs(period);
                loaded = period;
            }
            LearningSummary summary = builder.build(subscription, period, inputs);
            String key = subscription.getSubscriptionId() + "|" + period.key();
            if (!summary.getDigest().equals(published.get(key))) {
                published.put(key, summary.getDigest());
                context.forward(new Record<>(key, summary, clock.millis()));
                publishedNow++;
            }
        }
        if (!batch.isEmpty()) {
            LOG.info("Learning summaries: {} built, {} new or changed published", batch.size(), publishedNow);
        }
    }

    private SummaryBuilder.Inputs inputs(LearningPeriod period) {
        List<LearningIncident> window = new ArrayList<>();
        try (KeyValueIterator<String, LearningIncident> it = incidents.range(LearningStores.from(period.plus(-SummaryBuilder.BASELINE_PERIODS).start()),
                LearningStores.through(period.end()))) {
            it.forEachRemaining(kv -> window.add(kv.value));
        }
        List<StatisticalSignal> inPeriod = new ArrayList<>();
        try (KeyValueIterator<String, StatisticalSignal> it = signals.range(LearningStores.from(period.start()), LearningStores.through(period.end()))) {
            it.forEachRemaining(kv -> inPeriod.add(kv.value));
        }
        return new SummaryBuilder.Inputs(window, changes.firstReport(), inPeriod,
                reportId -> Optional.ofNullable(alertOfReport.get(reportId)).map(alerts::get));
    }
}
