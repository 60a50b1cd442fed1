package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.IncidentCountChange;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each location and type's incidents by event date and applies the {@link ClusterRule}: an incident joins the
 * open cluster when it falls within its reach, else may start one; one taken out updates every cluster whose span
 * held it. A cluster's members are always read back from the window's own incidents, so a replay, a redelivery or
 * an order of arrival that differs cannot give it members it does not have.
 */
final class ClusterDetector extends AlertProcessor<IncidentCountChange> {

    static final String EVENTS = "cluster-events";
    static final String ALERTS = "cluster-alerts";
    static final String OPEN = "open-clusters";

    private final ClusterRule rule;
    /** {@code location|type|date|reportId} → H (submitted as history) or L (live). */
    private KeyValueStore<String, String> events;
    /** {@code location|type} → the alert id of its latest cluster, the one later incidents may join. */
    private KeyValueStore<String, String> open;

    ClusterDetector(ClusterRule rule, OrganisationRegister register, Clock clock) {
        super(ALERTS, register, clock);
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        this.events = context.getStateStore(EVENTS);
        this.open = context.getStateStore(OPEN);
    }

    @Override
    public void process(Record<String, IncidentCountChange> record) {
        IncidentCountChange change = record.value();
        String window = record.key();
        LocalDate day = change.getEventDate();
        String eventKey = window + "|" + day + "|" + change.getReportId();
        if (change.getDelta() > 0) {
            events.put(eventKey, change.getHistorical() ? "H" : "L");
            joinOrStart(record, change, window, day);
        } else {
            events.delete(eventKey);
            shrink(record, change, window, day);
        }
    }

    private void joinOrStart(Record<String, IncidentCountChange> record, IncidentCountChange change, String window, LocalDate day) {
        String openId = open.get(window);
        Alert latest = openId == null ? null : alerts.get(openId);
        if (latest != null && latest.getStatus() != AlertStatus.WITHDRAWN && rule.joins(latest, day)) {
            LocalDate first = day.isBefore(latest.getEventDate()) ? day : latest.getEventDate();
            LocalDate last = day.isAfter(latest.getLastEventDate()) ? day : latest.getLastEventDate();
            publish(record, latest.getAlertId(), change, summary(window, first, last), latest);
            return;
        }
        // A new cluster starts after the latest standing one ends, so no incident is in two; a withdrawn one may form again.
        LocalDate from = day.minusDays(rule.windowDays() - 1L);
        if (latest != null && latest.getStatus() != AlertStatus.WITHDRAWN && !latest.getLastEventDate().isBefore(from)
                && !day.isBefore(latest.getEventDate())) {
            from = latest.getLastEventDate().plusDays(1);
        }
        Optional<List<ClusterRule.Member>> found = rule.window(members(window, from, day.plusDays(rule.windowDays() - 1L)), day);
        if (found.isEmpty()) {
            return;
        }
        String alertId = ClusterRule.alertId(change.getUnitSorCode(), change.getIncidentType(), found.get().get(0).eventDate());
        publish(record, alertId, change, ClusterRule.Summary.of(found.get()), alerts.get(alertId));
        if (latest == null || !found.get().get(0).eventDate().isBefore(latest.getEventDate())) {
            open.put(window, alertId);
        }
    }

    /** Every cluster of the window whose span held the day: updated from the incidents left, withdrawn if too few. */
    private void shrink(Record<String, IncidentCountChange> record, IncidentCountChange change, String window, LocalDate day) {
        List<Alert> holding = new ArrayList<>();
        String prefix = ClusterRule.alertIdPrefix(change.getUnitSorCode(), change.getIncidentType());
        try (KeyValueIterator<String, Alert> it = alerts.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(entry -> {
                Alert cluster = entry.value;
                if (cluster.getStatus() != AlertStatus.WITHDRAWN && !day.isBefore(cluster.getEventDate()) && !day.isAfter(cluster.getLastEventDate())) {
                    holding.add(cluster);
                }
            });
        }
        for (Alert cluster : holding) {
            ClusterRule.Summary left = summary(window, cluster.getEventDate(), cluster.getLastEventDate());
            if (left != null && left.count() >= rule.count()) {
                publish(record, cluster.getAlertId(), change, left, cluster);
            } else {
                publish(record.timestamp(), rule.withdrawn(cluster, left == null ? 0 : left.count(), clock.instant()));
            }
        }
    }

    private void publish(Record<String, IncidentCountChange> record, String alertId, IncidentCountChange change,
                         ClusterRule.Summary members, Alert standing) {
        Instant now = clock.instant();
        String location = change.getUnitSorCode();
        IncidentType type = change.getIncidentType();
        String responsible = change.getResponsibleUnit() != null ? change.getResponsibleUnit()
                : standing != null ? standing.getResponsibleUnit() : null;
        Alert next = rule.alert(alertId, location, type, members, register.lineage(location), responsible,
                standing == null ? now : standing.getRaisedAt(), now);
        publishIfChanged(record.timestamp(), next, standing);
    }

    /**
     * The members between the days, summed up in one pass that parses only the first {@link ClusterRule#EVIDENCE_LIMIT}
     * and the last: a join to a big cluster reads its incidents, but does not build them all. Null if there are none.
     */
    private ClusterRule.Summary summary(String window, LocalDate from, LocalDate to) {
        List<String> evidence = new ArrayList<>();
        int count = 0;
        boolean historical = true;
        String firstKey = null;
        String lastKey = null;
        try (KeyValueIterator<String, String> it = range(window, from, to)) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                if (count++ < ClusterRule.EVIDENCE_LIMIT) {
                    evidence.add(reportId(entry.key));
                }
                historical &= "H".equals(entry.value);
                firstKey = firstKey == null ? entry.key : firstKey;
                lastKey = entry.key;
            }
        }
        if (count == 0) {
            return null;
        }
        return new ClusterRule.Summary(count, day(firstKey), day(lastKey), evidence, historical);
    }

    private List<ClusterRule.Member> members(String window, LocalDate from, LocalDate to) {
        List<ClusterRule.Member> members = new ArrayList<>();
        try (KeyValueIterator<String, String> it = range(window, from, to)) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                members.add(new ClusterRule.Member(day(entry.key), reportId(entry.key), "H".equals(entry.value)));
            }
        }
        return members;
    }

    /** The window's incidents from one day to another, in event-date order. */
    private KeyValueIterator<String, String> range(String window, LocalDate from, LocalDate to) {
        return events.range(window + "|" + from, window + "|" + to + "|" + Character.MAX_VALUE);
    }

    /** The day of a {@code location|type|date|reportId} key. */
    private static LocalDate day(String eventKey) {
        return LocalDate.parse(eventKey.split("\\|")[2]);
    }

    private static String reportId(String eventKey) {
        return eventKey.substring(eventKey.lastIndexOf('|') + 1);
    }
}
