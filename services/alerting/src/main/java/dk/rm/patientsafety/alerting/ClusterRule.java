package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * At least {@code count} incidents of one type at one incident location within {@code windowDays} days of event time
 * are a cluster: one alert, which grows as later incidents come within the window of its span (up to
 * {@code maxSpanDays}), and is withdrawn when reclassifications leave it fewer than {@code count}.
 */
public record ClusterRule(int count, int windowDays, int maxSpanDays) {

    /**
     * A cluster's alert names at most this many of its reports, its first in event-date order; the headline and reason
     * give the count. Without a bound, a cluster growing by one report at a time rewrites an ever longer record
     * (thousands of ids under a dense load), and the work grows with the square of its size.
     */
    public static final int EVIDENCE_LIMIT = 100;

    /** One incident of a cluster: when it happened, which report, whether it was submitted as history. */
    public record Member(LocalDate eventDate, String reportId, boolean historical) {
    }

    /**
     * What a cluster's alert says of its members: how many, their first and last day, the first
     * {@link #EVIDENCE_LIMIT} report ids, and whether all came in as history.
     */
    public record Summary(int count, LocalDate first, LocalDate last, List<String> evidence, boolean historical) {

        public static Summary of(List<Member> members) {
            return new Summary(members.size(), members.get(0).eventDate(), members.get(members.size() - 1).eventDate(),
                    members.stream().limit(EVIDENCE_LIMIT).map(Member::reportId).toList(), members.stream().allMatch(Member::historical));
        }
    }

    public ClusterRule {
        if (count < 2 || windowDays < 1 || maxSpanDays < windowDays) {
            throw new IllegalArgumentException("a cluster needs count >= 2, windowDays >= 1 and maxSpanDays >= windowDays");
        }
    }

    /** Three of a kind in a week, the usual trigger for a look at a department's routines; a cluster spans at most four weeks. */
    public static ClusterRule defaults() {
        return new ClusterRule(3, 7, 28);
    }

    /** The first day of a cluster names it, so a replay or a redelivery can only update its one alert. */
    public static String alertId(String location, IncidentType type, LocalDate firstDay) {
        return alertIdPrefix(location, type) + firstDay;
    }

    /** What the ids of every cluster of one location and type begin with. */
    static String alertIdPrefix(String location, IncidentType type) {
        return String.join(":", "cluster", location, type.name(), "");
    }

    /**
     * The earliest window of {@code windowDays} days around {@code day} that holds at least {@code count} incidents.
     *
     * @param around the incidents within {@code windowDays - 1} days of {@code day}, in event-date order
     */
    public Optional<List<Member>> window(List<Member> around, LocalDate day) {
        for (int first = 0; first < around.size(); first++) {
            LocalDate start = around.get(first).eventDate();
            if (start.isAfter(day)) {
                break;
            }
            LocalDate end = start.plusDays(windowDays - 1L);
            if (end.isBefore(day)) {
                continue;
            }
            List<Member> inside = around.stream().filter(m -> !m.eventDate().isBefore(start) && !m.eventDate().isAfter(end)).toList();
            if (inside.size() >= count) {
                return Optional.of(inside);
            }
        }
        return Optional.empty();
    }

    /** Whether an incident on {@code day} joins the cluster: within the window of its span, the span kept short. */
    public boolean joins(Alert cluster, LocalDate day) {
        LocalDate first = day.isBefore(cluster.getEventDate()) ? day : cluster.getEventDate();
        LocalDate last = day.isAfter(cluster.getLastEventDate()) ? day : cluster.getLastEventDate();
        return !day.isBefore(cluster.getEventDate().minusDays(windowDays - 1L)) && !day.isAfter(cluster.getLastEventDate().plusDays(windowDays - 1L))
                && ChronoUnit.DAYS.between(first, last) < maxSpanDays;
    }

    /**
     * The cluster's alert with these members (in event-date order, at least {@code count}): active when any of them
     * is live, historical when all came in as history. Texts in Danish, for the officers who read them.
     */
    public Alert alert(String alertId, String location, IncidentType type, Summary members, List<String> lineage,
                       String responsibleUnit, Instant raisedAt, Instant now) {
        LocalDate first = members.first();
        LocalDate last = members.last();
        String typeName = danishName(type);
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setKind(AlertKind.CLUSTER)
                .setReportId(null)
                .setOverallSeverity(OverallSeverity.UNDETERMINED)
                .setIncidentLocation(location)
                .setEventDate(first)
                .setLastEventDate(last)
                .setIncidentType(type)
                .setReportIds(members.evidence())
                .setHeadline(members.count() + " hændelser om " + typeName + " på samme enhed "
                        + (first.equals(last) ? "samme dag" : "inden for " + (ChronoUnit.DAYS.between(first, last) + 1) + " dage"))
                .setReason("Klynge: " + members.count() + " hændelser af typen " + typeName + " på enhed " + location + " fra " + first
                        + " til " + last + " (reglen: mindst " + count + " af samme type på samme enhed inden for " + windowDays + " dage).")
                .setRaisedAt(raisedAt)
                .setUpdatedAt(now)
                .setResponsibleUnit(responsibleUnit)
                .setLineage(lineage)
                .setStatus(members.historical() ? AlertStatus.HISTORICAL : AlertStatus.ACTIVE)
                .build();
    }

    /** The cluster has fallen apart: a reclassification left it fewer incidents than the rule asks for. */
    public Alert withdrawn(Alert cluster, int remaining, Instant now) {
        return Alert.newBuilder(cluster)
                .setStatus(AlertStatus.WITHDRAWN)
                .setReason("Trukket tilbage: efter omklassificering er der " + remaining + " hændelser tilbage, færre end reglens " + count + ".")
                .setUpdatedAt(now)
                .build();
    }

    private static String danishName(IncidentType type) {
        try {
            return dk.rm.patientsafety.taxonomy.IncidentType.valueOf(type.name()).mainGroup().toLowerCase(java.util.Locale.forLanguageTag("da"));
        } catch (IllegalArgumentException e) {
            return type.name();
        }
    }
}
