package dk.rm.patientsafety.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rm.patientsafety.bulkimport.BulkImporter;
import dk.rm.patientsafety.bulkimport.ImportKind;
import dk.rm.patientsafety.bulkimport.ImportSummary;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.UnitActivity;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TopicRecords;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality data from the files they come in, on the real broker: the sample indicator file, sent by the bulk importer,
 * is charted and raises its runs signal; a malformed upload is answered row by row and column by column; activity
 * comes in as JSON; only those who may submit quality data can.
 */
class QualityDataIT extends PlatformIT {

    private static final Path SAMPLES = Path.of("../../services/bulk-import/samples");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theSampleIndicatorFileIsChartedAndItsShiftSignalled() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        BulkImporter importer = TestPlatform.bulkImporter(services, out).build();

        ImportSummary summary = importer.importFile(ImportKind.INDICATOR_RESULTS, SAMPLES.resolve("indikatorresultater.csv"));
        assertEquals(List.of(20L, 20L, 0), List.of(summary.read(), summary.accepted(), summary.exitCode()),
                printed.toString(StandardCharsets.UTF_8));

        String seriesId = "indicator:RKKP-DAP:1a:1:1309061000000";
        TopicRecords.readUntil(kafka, Topics.SIGNALS, registry, read -> read.stream().map(ConsumerRecord::value)
                .anyMatch(s -> s.getSeriesId().equals(seriesId) && s.getRule() == SignalRule.LONGEST_RUN
                        && s.getChange() == SignalChange.RAISED), Duration.ofSeconds(60));
        JsonNode chart = awaitSeries(seriesId, 20);
        assertEquals("P", chart.get("chart").asText());
        assertEquals(0.82, chart.get("points").get(19).get("value").asDouble(), 1e-9, "August 2025: 82 of 100");
        assertEquals("2025-08-01", chart.get("points").get(19).get("periodStart").asText());
        assertTrue(chart.get("runs").get(0).get("runsSignal").asBoolean(), chart.toString());
        // Its last months all miss the 90 % standard: an alert for the unit, beside the signal's own.
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode below = JSON.readTree(get("alerting", "/api/v1/alerts?kind=INDICATOR_BELOW_STANDARD&status=ACTIVE&unit=1309061000000").body());
        while (below.size() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            below = JSON.readTree(get("alerting", "/api/v1/alerts?kind=INDICATOR_BELOW_STANDARD&status=ACTIVE&unit=1309061000000").body());
        }
        assertEquals(1, below.size(), below.toString());
        assertEquals(seriesId, below.get(0).get("seriesId").asText());
        assertEquals("ACTIVE", below.get(0).get("status").asText());

        for (ImportKind kind : List.of(ImportKind.PATHWAY_TIMES, ImportKind.PATHWAY_CASES, ImportKind.PATIENT_EXPERIENCE, ImportKind.ACTIVITY)) {
            String file = switch (kind) {
                case PATHWAY_TIMES -> "kraeftpakker.csv";
                case PATHWAY_CASES -> "kraeftforloeb.csv";
                case PATIENT_EXPERIENCE -> "lup.csv";
                default -> "aktivitet.csv";
            };
            ImportSummary sample = importer.importFile(kind, SAMPLES.resolve(file));
            assertEquals(0, sample.exitCode(), kind + ": " + printed.toString(StandardCharsets.UTF_8));
            assertTrue(sample.accepted() > 0);
        }
        awaitSeries("indicator:kraeftpakker:A02-OF4:1:1309061000000", 3);
        JsonNode cases = awaitSeries("indicator:kraeftforloeb:A02-OF4:1:1309061000000", 30);
        assertEquals("T", cases.get("chart").asText(), "single pathways' days on a T chart");
        JsonNode long29 = cases.get("points").get(29);
        assertTrue(long29.get("period").asText().startsWith("F-2025-0029 "), "the cases in the order their times ended: " + long29);
        assertEquals(64.0, long29.get("value").asDouble(), 1e-9, "case F-2025-0029 took 64 days");
        assertTrue(long29.get("sigmaSignal").asBoolean(), cases.toString());
        assertFalse(long29.get("standardMet").asBoolean(), "the standard is 30 days");
    }

    @Test
    void aMalformedFileIsAnsweredRowByRowAndNothingOfItsBadRowsLands() throws Exception {
        String csv = String.join("\n",
                "source;indicator;unit_sor;period_start;period_end;numerator;denominator",
                "RKKP/IT;bad;1309061000000;2024-01-01;2024-01-31;9;10",
                "RKKP/IT;bad;AUH;2024-02-30;2024-02-28;11;10",
                "RKKP/IT;bad;1309061000000;2024-03-01;2024-03-31;12;10",
                "RKKP/IT;bad;1309061000000;2024-01-01;2024-01-31;8;10",
                "RKKP/IT;bad;1309061000000",
                "RKKP/IT;010190-1234;1309061000000;2024-04-01;2024-04-30;1;10");
        HttpResponse<String> response = upload("bulk-import", "indicator-results", "text/csv", csv);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(List.of(6, 1, 5), List.of(answer.get("received").asInt(), answer.get("accepted").asInt(), answer.get("rejected").asInt()));
        JsonNode results = answer.get("results");
        assertEquals("ACCEPTED", results.get(0).get("status").asText());
        assertEquals(3, results.get(1).get("row").asInt(), "spreadsheet row numbers: the header is row 1");
        assertEquals(List.of("unit_sor", "period_start"), fields(results.get(1)));
        assertEquals(List.of("numerator"), fields(results.get(2)));
        assertTrue(results.get(3).get("errors").get(0).get("message").asText().contains("row 2"), results.get(3).toString());
        assertEquals(List.of("row"), fields(results.get(4)));
        assertEquals(List.of("indicator"), fields(results.get(5)));
        assertFalse(response.body().contains("010190") || response.body().contains("AUH"), "errors never repeat values");

        HttpResponse<String> header = upload("bulk-import", "indicator-results", "text/csv", "source;indikator;unit_sor\nA;B;1\n");
        assertEquals(400, header.statusCode());
        assertEquals("application/problem+json", header.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(header.body().contains("indikator") && header.body().contains("period_start"), header.body());
    }

    @Test
    void activityComesInAsJsonAndOnlyQualityDataSubmittersMaySendIt() throws Exception {
        String json = """
                [{"unit_sor": "1309061000000", "month": "2026-01", "bedDays": 2310, "admissions": "411"},
                 {"unit_sor": "1309061000000", "month": "januar", "bed_days": 1}]""";
        HttpResponse<String> response = upload("regional-team", "activity", "application/json", json);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertEquals("ACCEPTED", results.get(0).get("status").asText());
        assertTrue(results.get(0).get("row") == null || results.get(0).get("row").isNull());
        assertEquals(List.of("month"), fields(results.get(1)));
        UnitActivity activity = TopicRecords.readUntil(kafka, Topics.ACTIVITY, registry, read -> read.stream()
                        .anyMatch(r -> r.key().equals("1309061000000|2026-01-01")), Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals("1309061000000|2026-01-01")).findFirst().orElseThrow().value();
        assertEquals(2310L, activity.getBedDays());
        assertEquals(411L, activity.getAdmissions());
        assertNull(activity.getOutpatientVisits());
        assertEquals(LocalDate.of(2026, 1, 31), activity.getPeriodEnd());

        assertEquals(403, upload("reporter", "activity", "application/json", json).statusCode(), "a reporter submits reports, not figures");
        assertEquals(404, upload("bulk-import", "bed-days", "application/json", "[]").statusCode());
        HttpResponse<String> personal = upload("bulk-import", "activity?source=Pt%20010190-1234", "application/json", json);
        assertEquals(400, personal.statusCode(), "a default source is a name, never a person");
        assertFalse(personal.body().contains("010190"), personal.body());
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(services.service("intake").url() + "/api/v1/quality/activity"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    private static HttpResponse<String> upload(String account, String format, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.service("intake").url() + "/api/v1/quality/" + format))
                .header("Content-Type", contentType)
                .header("Authorization", TestIdentityProvider.bearer(account))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fields(JsonNode result) {
        assertEquals("REJECTED", result.get("status").asText(), result.toString());
        List<String> fields = new java.util.ArrayList<>();
        result.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static JsonNode awaitSeries(String seriesId, int points) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> response = get("statistics", "/api/v1/series/" + seriesId);
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("points").size() == points) {
                return JSON.readTree(response.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("series " + seriesId + ": " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
    }
}
