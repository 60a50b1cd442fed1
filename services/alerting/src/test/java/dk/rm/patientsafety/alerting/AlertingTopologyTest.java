package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertingTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Set<OverallSeverity> ALERTING = Set.of(
            OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, OverallSeverity.SERIOUS_CONSEQUENCE, OverallSeverity.FATAL_CONSEQUENCE);

    private final TopologyTestKit kit = new TopologyTestKit();
    private TestInputTopic<String, IncidentClassified> classified;
    private TestInputTopic<String, byte[]> classifiedRaw;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        kit.start(AlertingTopology.build(kit.registry(), Clock.fixed(NOW, ZoneOffset.UTC)), AlertingTopology.APPLICATION_ID);
        classified = kit.input(Topics.INCIDENTS_CLASSIFIED);
        classifiedRaw = kit.rawInput(Topics.INCIDENTS_CLASSIFIED);
        alerts = kit.output(Topics.ALERTS);
        deadLetters = kit.output(Topics.DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @ParameterizedTest
    @EnumSource(OverallSeverity.class)
    void alertsExactlyForSeriousOrFatalConsequencesAndSeriousRisks(OverallSeverity severity) {
        IncidentClassified incident = classifiedAs(Reports.serious(), severity);
        classified.pipeInput(incident.getReportId(), incident);

        List<Alert> raised = alerts.readValuesToList();
        assertEquals(ALERTING.contains(severity) ? 1 : 0, raised.size());
        raised.forEach(alert -> {
            assertEquals(SeriousIncidentRule.alertId(incident.getReportId()), alert.getAlertId());
            assertEquals(AlertKind.SERIOUS_INCIDENT, alert.getKind());
            assertEquals(severity, alert.getOverallSeverity());
            assertEquals(Reports.AUH_EMERGENCY, alert.getIncidentLocation());
            assertEquals(NOW, alert.getRaisedAt());
        });
    }

    @Test
    void aReplayedIncidentRaisesTheSameAlertIdAgainNotANewOne() {
        IncidentClassified incident = classifiedAs(Reports.report(Consequence.NONE, Consequence.FATAL).build(),
                OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK);
        classified.pipeInput(incident.getReportId(), incident);
        classified.pipeInput(incident.getReportId(), incident);

        var keys = alerts.readKeyValuesToList().stream().map(kv -> kv.key).distinct().toList();
        assertEquals(List.of(SeriousIncidentRule.alertId(incident.getReportId())), keys);
    }

    @Test
    void aSeriousIncidentFromHistoryIsRecordedAsHistoricalNotRaisedAsActive() {
        IncidentReported report = Reports.serious();
        report.setHistorical(true);
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.FATAL_CONSEQUENCE));

        assertEquals(List.of(AlertStatus.HISTORICAL), alerts.readValuesToList().stream().map(Alert::getStatus).toList());
    }

    @Test
    void aReclassificationToNotSeriousWithdrawsTheStandingAlert() {
        IncidentReported report = Reports.serious();
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.SERIOUS_CONSEQUENCE));
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.MINOR_CONSEQUENCE));
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.MINOR_CONSEQUENCE));

        List<Alert> raised = alerts.readValuesToList();
        assertEquals(List.of(AlertStatus.ACTIVE, AlertStatus.WITHDRAWN), raised.stream().map(Alert::getStatus).toList(),
                "withdrawn once; a minor incident that never alerted stays silent");
        assertEquals(SeriousIncidentRule.alertId(report.getReportId()), raised.get(1).getAlertId());
        assertEquals(OverallSeverity.MINOR_CONSEQUENCE, raised.get(1).getOverallSeverity());
    }

    @Test
    void undecodableIncidentsGoToTheDeadLetters() {
        classifiedRaw.pipeInput("k", new byte[]{1, 2, 3});
        DeadLetter deadLetter = deadLetters.readValue();
        assertEquals(Topics.INCIDENTS_CLASSIFIED.name(), deadLetter.getSourceTopic());
        assertEquals(AlertingTopology.APPLICATION_ID, deadLetter.getService());
        assertTrue(alerts.isEmpty());
    }

    private static IncidentClassified classifiedAs(IncidentReported report, OverallSeverity severity) {
        return IncidentClassified.newBuilder()
                .setReportId(report.getReportId())
                .setReport(report)
                .setOverallSeverity(severity)
                .setClassifiedAt(NOW)
                .setClassifierVersion("test")
                .build();
    }
}
