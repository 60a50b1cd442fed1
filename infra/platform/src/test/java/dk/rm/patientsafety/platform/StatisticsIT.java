package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IncidentCount;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.PeriodGranularity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.statistics.CalendarPeriod;
import dk.rm.patientsafety.statistics.GracePeriods;
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
 * Statistics end to end on the real broker: reports over HTTP are counted per unit, type and period, charted over
 * HTTP, and corrected when a caseworker reclassifies; quality-indicator results raise a runs signal.
 */
class StatisticsIT extends PlatformIT {

    /** A department no other test reports on (Horsens, kirurgisk afdeling), so its counts are this test's alone. */
    private static final String UNIT = "1309041000000";


    @Test
    void reportsAreCountedChartedAndMovedByAnOverrideAndLateOnesAreKept() throws Exception {
        LocalDate lastMonth = LocalDate.now(ZoneId.of("Europe/Copenhagen")).withDayOfMonth(1).minusMonths(1);
        // Last month is still open (30 days' grace) except on the 31st; the month before has closed.
        assumeFalse(GracePeriods.defaults().isLate(CalendarPeriod.containing(PeriodGranularity.MONTH, lastMonth), Instant.now()));
        submit(lastMonth.plusDays(2));
        String second = submit(lastMonth.plusDays(9));
        submit(lastMonth.minusMonths(1).plusDays(4));

        String medication = countKey(lastMonth, "MEDICATION");
        awaitCount(medication, c -> c.getCount() == 2);
        awaitCount(countKey(lastMonth.minusMonths(1), "MEDICATION"), c -> c.getCount() == 0 && c.getLateCount() == 1);
        JsonNode chart = awaitSeries("incidents:MONTH:" + UNIT + ":MEDICATION", s -> s.path("points").size() == 1);
        assertEquals("C", chart.get("chart").asText());
        assertEquals(2.0, chart.get("points").get(0).get("value").asDouble(), "last month; the late report is not charted");
        assertEquals(lastMonth.toString(), chart.get("points").get(0).get("periodStart").asText());

        HttpResponse<String> override = postOverride(second, Map.of("incidentType", "PATIENT_ACCIDENT_FALL", "caseworker", "risikomanager-hor-2",
                "reason", "Faldt under mobilisering; medicinen var korrekt"));
        assertEquals(202, override.statusCode(), override.body());
        awaitCount(medication, c -> c.getCount() == 1);
        awaitCount(countKey(lastMonth, "PATIENT_ACCIDENT_FALL"), c -> c.getCount() == 1);
        awaitCount("MONTH|1309040000000|" + lastMonth + "|PATIENT_ACCIDENT_FALL|MINOR_CONSEQUENCE", c -> c.getCount() == 1);

        HttpResponse<String> unknown = get("statistics", "/api/v1/series/incidents:MONTH:0000000000000:MEDICATION");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
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
        TopicRecords.send(bootstrap, Topics.QUALITY_INDICATORS, registry, results);

        List<ConsumerRecord<String, StatisticalSignal>> signals = TopicRecords.readUntil(bootstrap, Topics.SIGNALS, registry,
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
    }

    private static String countKey(LocalDate month, String type) {
        return "MONTH|" + UNIT + "|" + month + "|" + type + "|MINOR_CONSEQUENCE";
    }

    private static void awaitCount(String key, Predicate<IncidentCount> condition) {
        TopicRecords.readUntil(bootstrap, Topics.INCIDENT_COUNTS, registry, read -> {
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
