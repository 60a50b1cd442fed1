package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.statistics.CalendarPeriod;
import dk.rm.patientsafety.statistics.GracePeriods;
import dk.rm.patientsafety.statistics.StatisticsConfig;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Statistics end to end on the real broker: reports over HTTP are counted per unit, type and period (late ones apart)
 * and corrected when a caseworker reclassifies; a spike in replayed history is signalled and charted over HTTP;
 * quality-indicator results raise a runs signal.
 */
class StatisticsIT extends PlatformIT {

    /** A department no other test reports on (Horsens, kirurgisk afdeling), so its counts are this test's alone. */
    private static final String UNIT = "1309041000000";


    @Test
    void reportsAreCountedMovedByAnOverrideAndLateOnesAreKept() throws Exception {
        LocalDate lastMonth = LocalDate.now(ZoneId.of("Europe/Copenhagen")).withDayOfMonth(1).minusMonths(1);
        // Last month is still open (30 days' grace) except on the 31st; the month before has closed.
        assumeFalse(GracePeriods.defaults().isLate(CalendarPeriod.containing(PeriodGranularity.MONTH, lastMonth), Instant.now()));
        submit(lastMonth.plusDays(2));
        String second = submit(lastMonth.plusDays(9));
        submit(lastMonth.minusMonths(1).plusDays(4));

        String medication = countKey(lastMonth, "MEDICATION");
        awaitCount(medication, c -> c.getCount() == 2);
        awaitCount(countKey(lastMonth.minusMonths(1), "MEDICATION"), c -> c.getCount() == 0 && c.getLateCount() == 1);

        HttpResponse<String> override = postOverride(second, Map.of("incidentType", "PATIENT_ACCIDENT_FALL",
                "reason", "Faldt under mobilisering; medicinen var korrekt"));
        assertEquals(202, override.statusCode(), override.body());
        awaitCount(medication, c -> c.getCount() == 1);
        awaitCount(countKey(lastMonth, "PATIENT_ACCIDENT_FALL"), c -> c.getCount() == 1);
        awaitCount("MONTH|1309040000000|" + lastMonth + "|PATIENT_ACCIDENT_FALL|MINOR_CONSEQUENCE", c -> c.getCount() == 1);

        // 503 while the stream restores or rebalances is the API's "try again shortly", as a client would.
        HttpResponse<String> unknown = get("statistics", "/api/v1/series/incidents:MONTH:0000000000000:MEDICATION");
        for (Instant deadline = Instant.now().plusSeconds(60); unknown.statusCode() == 503 && Instant.now().isBefore(deadline); ) {
            Thread.sleep(200);
            unknown = get("statistics", "/api/v1/series/incidents:MONTH:0000000000000:MEDICATION");
        }
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
    }

    /**
     * Two years of a department's history replayed onto the classified topic, as after a migration: the last closed
     * month has a spike, which the stream signals and the read API charts.
     */
    @Test
    void aSpikeInReplayedHistoryIsSignalledAndCharted() throws Exception {
        String unit = "1309051000000"; // Viborg, medicinsk afdeling: no other test reports there
        String seriesId = "incidents:MONTH:" + unit + ":MEDICATION";
        LocalDate spikeMonth = StatisticsConfig.defaults().incidentReader().lastClosed(PeriodGranularity.MONTH, Instant.now()).start();
        Map<String, IncidentClassified> history = new LinkedHashMap<>();
        LocalDate month = spikeMonth.minusMonths(23);
        for (int m = 0; m < 24; m++, month = month.plusMonths(1)) {
            int incidents = month.equals(spikeMonth) ? 20 : 4 + m % 3;
            for (int i = 0; i < incidents; i++) {
                IncidentClassified incident = historical(unit, month.plusDays(i));
                history.put(incident.getReportId(), incident);
            }
        }
        TopicRecords.send(kafka, Topics.INCIDENTS_CLASSIFIED, registry, history);

        TopicRecords.readUntil(kafka, Topics.SIGNALS, registry, read -> read.stream().anyMatch(r -> r.key().equals(seriesId)
                && r.value().getRule() == SignalRule.SIGMA && r.value().getChange() == SignalChange.RAISED
                && r.value().getPoints().stream().anyMatch(p -> p.getPeriodStart().equals(spikeMonth))), Duration.ofSeconds(60));
        JsonNode chart = awaitSeries(seriesId, s -> s.path("points").size() == 24 && s.path("points").get(23).path("value").asDouble() == 20.0);
        JsonNode last = chart.get("points").get(23);
        assertEquals(spikeMonth.toString(), last.get("periodStart").asText());
        assertEquals(20.0, last.get("value").asDouble());
        assertTrue(last.get("sigmaSignal").asBoolean(), chart.toString());
        assertTrue(chart.get("signals").get(0).asText().contains("above the upper limit"), chart.toString());

        // The signal is an alert for the unit's officers: active, since the spike is in the latest closed month.
        String alertId = "spc-signal:" + seriesId + ":SIGMA";
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode alert = null;
        while (alert == null) {
            for (JsonNode listed : JSON.readTree(get("regional-team", "alerting",
                    "/api/v1/alerts?kind=SPC_SIGNAL&unit=" + unit).body())) {
                if (listed.get("alertId").asText().equals(alertId)) {
                    alert = listed;
                }
            }
            assertTrue(alert != null || Instant.now().isBefore(deadline), "no alert " + alertId);
            Thread.sleep(alert == null ? 200 : 0);
        }
        assertEquals("ACTIVE", alert.get("status").asText());
        assertEquals(seriesId, alert.get("seriesId").asText());
        assertEquals("1309050000000", alert.get("responsibleUnit").asText());
        assertTrue(alert.get("reason").asText().contains("above the upper limit"), alert.toString());

        // The days between the same incidents: a G chart by default, a T chart on request, any other name refused.
        String between = "between:" + unit + ":MEDICATION";
        JsonNode days = awaitSeries(between, s -> s.path("points").size() == 100); // the latest hundred intervals
        assertEquals("G", days.get("chart").asText());
        assertEquals("T", JSON.readTree(get("statistics", "/api/v1/series/" + between + "?chart=t").body()).get("chart").asText());
        HttpResponse<String> unknownChart = get("statistics", "/api/v1/series/" + between + "?chart=z");
        assertEquals(400, unknownChart.statusCode());
        assertEquals("chart", JSON.readTree(unknownChart.body()).get("errors").get(0).get("field").asText());
        assertEquals(422, get("statistics", "/api/v1/series/" + seriesId + "?chart=t").statusCode(), "counts are no times between");
    }

    @Test
    void aSustainedShiftInAQualityIndicatorIsSignalledAndCharted() throws Exception {
        String indicator = "it-" + Instant.now().toEpochMilli();
        String seriesId = "indicator:RKKP-DAHTA:" + indicator + ":1:" + UNIT;
        long[] met = {90, 88, 91, 89, 92, 90, 87, 91, 90, 89, 91, 90, 82, 83, 81, 84, 82, 83, 80, 82};
        Map<String, QualityIndicatorObservation> results = new LinkedHashMap<>();
        LocalDate month = LocalDate.parse("2024-01-01");
        for (long numerator : met) {
            results.put(seriesId + "|" + month, result(indicator, month, numerator));
            month = month.plusMonths(1);
        }
        TopicRecords.send(kafka, Topics.QUALITY_INDICATORS, registry, results);

        List<ConsumerRecord<String, StatisticalSignal>> signals = TopicRecords.readUntil(kafka, Topics.SIGNALS, registry,
                read -> read.stream().anyMatch(r -> r.key().equals(seriesId) && r.value().getRule() == SignalRule.LONGEST_RUN),
                Duration.ofSeconds(60));
        StatisticalSignal run = signals.stream().map(ConsumerRecord::value)
                .filter(s -> s.getSeriesId().equals(seriesId) && s.getRule() == SignalRule.LONGEST_RUN).findFirst().orElseThrow();
        assertEquals(SignalChange.RAISED, run.getChange());
        assertTrue(run.getSentence().contains("in a row"), run.getSentence());

        JsonNode chart = awaitSeries(seriesId, s -> s.path("points").size() == met.length);
        assertEquals("P", chart.get("chart").asText());
        assertTrue(chart.get("runs").get(0).get("runsSignal").asBoolean());
        assertFalse(chart.get("signals").isEmpty(), "the standing signals in words");

        JsonNode phased = JSON.readTree(get("statistics", "/api/v1/series/" + seriesId + "?phases=2025-01-01").body());
        assertEquals(2, phased.get("runs").size(), "a phase from the shift on");
        HttpResponse<String> both = get("statistics", "/api/v1/series/" + seriesId + "?phases=2025-01-01&freeze=6");
        assertEquals(400, both.statusCode());
        assertEquals("phases", JSON.readTree(both.body()).get("errors").get(0).get("field").asText());
    }

    /** A medication incident at the unit, reported the morning after it happened. */
    static IncidentClassified historical(String unit, LocalDate eventDate) {
        String reportId = "history-" + unit + "-" + eventDate + "-" + System.nanoTime();
        Instant receivedAt = eventDate.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
        return IncidentClassified.newBuilder()
                .setReportId(reportId)
                .setReport(Reports.report(Consequence.MINOR, Consequence.MINOR).setReportId(reportId).setIncidentLocation(unit)
                        .setEventDate(eventDate).setReceivedAt(receivedAt).build())
                .setOverallSeverity(OverallSeverity.MINOR_CONSEQUENCE)
                .setIncidentType(IncidentType.MEDICATION)
                .setClassifiedAt(receivedAt)
                .setClassifierVersion("replayed-history")
                .build();
    }

    private static String countKey(LocalDate month, String type) {
        return "MONTH|" + UNIT + "|" + month + "|" + type + "|MINOR_CONSEQUENCE";
    }

    private static void awaitCount(String key, Predicate<IncidentCount> condition) {
        TopicRecords.readUntil(kafka, Topics.INCIDENT_COUNTS, registry, read -> {
            IncidentCount latest = null;
            for (ConsumerRecord<String, IncidentCount> record : read) {
                if (record.key().equals(key)) {
                    latest = record.value();
                }
            }
            return latest != null && condition.test(latest);
        }, Duration.ofSeconds(60));
    }

    private static JsonNode awaitSeries(String seriesId, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> response = get("statistics", "/api/v1/series/" + seriesId);
            if (response.statusCode() == 200 && condition.test(JSON.readTree(response.body()))) {
                return JSON.readTree(response.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("series " + seriesId + " not as expected: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
    }

    private static QualityIndicatorObservation result(String indicator, LocalDate month, long numerator) {
        return QualityIndicatorObservation.newBuilder().setSource("RKKP/DAHTA").setIndicatorId(indicator).setKind(IndicatorKind.PROPORTION)
                .setPeriodStart(month).setPeriodEnd(month.plusMonths(1).minusDays(1)).setUnitSorCode(UNIT)
                .setNumerator(numerator).setDenominator(100L).setTarget(0.9).setDirection(Direction.HIGHER_IS_BETTER).build();
    }

    private static String submit(LocalDate eventDate) throws Exception {
        Map<String, Object> report = Map.of(
                "source", "statistics-test",
                "sourceId", "STAT-" + eventDate + "-" + System.nanoTime(),
                "headline", "Forkert dosis givet",
                "description", "Patienten fik dobbelt dosis morfin.",
                "eventDate", eventDate.toString(),
                "incidentLocation", UNIT,
                "actualConsequence", "MINOR",
                "possibleConsequence", "MINOR",
                "reporterType", "HEALTH_PROFESSIONAL");
        return submit(report);
    }
}
