package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.ChartKind;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.Direction;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.IndicatorKind;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.QualityIndicatorObservation;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertingTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Set<OverallSeverity> ALERTING = Set.of(
            OverallSeverity.SERIOUS_PATIENT_SAFETY_RISK, OverallSeverity.SERIOUS_CONSEQUENCE, OverallSeverity.FATAL_CONSEQUENCE);

    private final TopologyTestKit kit = new TopologyTestKit();
    private final MutableClock clock = new MutableClock(NOW);
    private TestInputTopic<String, IncidentClassified> classified;
    private TestInputTopic<String, byte[]> classifiedRaw;
    private TestInputTopic<String, StatisticalSignal> signals;
    private TestInputTopic<String, QualityIndicatorObservation> results;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        kit.start(AlertingTopology.build(kit.registry(), OrganisationRegister.load(Optional.empty()), ClusterRule.defaults(),
                SpcSignalRule.defaults(), IndicatorStandardRule.defaults(), clock), AlertingTopology.APPLICATION_ID);
        classified = kit.input(Topics.INCIDENTS_CLASSIFIED);
        classifiedRaw = kit.rawInput(Topics.INCIDENTS_CLASSIFIED);
        signals = kit.input(Topics.SIGNALS);
        results = kit.input(Topics.QUALITY_INDICATORS);
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

        var keys = alerts.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        assertEquals(List.of(SeriousIncidentRule.alertId(incident.getReportId())), keys, "the same classification again changes nothing");
    }

    @Test
    void anAlertCarriesItsResponsibleUnitAndLineage() {
        IncidentClassified incident = IncidentClassified.newBuilder(classifiedAs(Reports.serious(), OverallSeverity.FATAL_CONSEQUENCE))
                .setResponsibleUnit("1309010000000").build();
        classified.pipeInput(incident.getReportId(), incident);

        Alert alert = alerts.readValue();
        assertEquals("1309010000000", alert.getResponsibleUnit());
        assertEquals(List.of(Reports.AUH_EMERGENCY, "1309010000000", "1309000000000"), alert.getLineage(),
                "the emergency department, Aarhus University Hospital, the region");
    }

    @Test
    void anAlertKeepsItsFirstRaiseTimeThroughAWithdrawalAndARaiseAgain() {
        IncidentReported report = Reports.serious();
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.SERIOUS_CONSEQUENCE));
        clock.advance(Duration.ofHours(2));
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.MINOR_CONSEQUENCE));
        clock.advance(Duration.ofHours(3));
        classified.pipeInput(report.getReportId(), classifiedAs(report, OverallSeverity.FATAL_CONSEQUENCE));

        List<Alert> changes = alerts.readValuesToList();
        assertEquals(List.of(AlertStatus.ACTIVE, AlertStatus.WITHDRAWN, AlertStatus.ACTIVE), changes.stream().map(Alert::getStatus).toList());
        changes.forEach(alert -> assertEquals(NOW, alert.getRaisedAt()));
        assertEquals(List.of(NOW, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(5))),
                changes.stream().map(Alert::getUpdatedAt).toList());
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
        assertEquals("Hændelsen fik alvorlig konsekvens for patienten.", raised.get(0).getReason(), "officers read Danish");
        assertEquals("Trukket tilbage: hændelsen er omklassificeret til mindre konsekvens.", raised.get(1).getReason());
    }

    @Test
    void threeMedicationIncidentsInADepartmentWithinAWeekAreOneClusterThatGrows() {
        pipe(incident("c1", IncidentType.MEDICATION, "2026-11-02"));
        pipe(incident("c2", IncidentType.PATIENT_ACCIDENT_FALL, "2026-11-03"));
        pipe(incident("c3", IncidentType.MEDICATION, "2026-11-04"));
        assertTrue(clusters().isEmpty(), "two of a kind are no cluster, and a fall is another kind");
        pipe(incident("c4", IncidentType.MEDICATION, "2026-11-08"));

        List<Alert> raised = clusters();
        assertEquals(1, raised.size());
        Alert cluster = raised.get(0);
        String id = "cluster:" + Reports.AUH_EMERGENCY + ":MEDICATION:2026-11-02";
        assertEquals(id, cluster.getAlertId());
        assertEquals(AlertStatus.ACTIVE, cluster.getStatus());
        assertEquals(List.of("c1", "c3", "c4"), cluster.getReportIds());
        assertEquals(IncidentType.MEDICATION, cluster.getIncidentType());
        assertEquals("1309010000000", cluster.getResponsibleUnit());
        assertEquals("3 hændelser om medicinering på samme enhed inden for 7 dage", cluster.getHeadline());

        clock.advance(Duration.ofHours(1));
        pipe(incident("c5", IncidentType.MEDICATION, "2026-11-12"));
        pipe(incident("c5", IncidentType.MEDICATION, "2026-11-12"));
        List<Alert> grown = clusters();
        assertEquals(1, grown.size(), "the cluster grows in its one alert; the redelivery changes nothing");
        assertEquals(id, grown.get(0).getAlertId());
        assertEquals(List.of("c1", "c3", "c4", "c5"), grown.get(0).getReportIds());
        assertEquals(NOW, grown.get(0).getRaisedAt());
        assertEquals(LocalDate.parse("2026-11-12"), grown.get(0).getLastEventDate());

        pipe(incident("c20", IncidentType.MEDICATION, "2026-11-28"));
        assertTrue(clusters().isEmpty(), "sixteen days later, one incident is no new cluster");
    }

    @Test
    void aClusterOfHundredsNamesItsFirstHundredReportsAndCountsThemAll() {
        for (int i = 0; i < 150; i++) {
            pipe(incident(String.format("big%03d", i), IncidentType.MEDICATION, "2026-11-02"));
        }
        List<Alert> all = clusters();
        Alert cluster = all.get(all.size() - 1);
        assertEquals(ClusterRule.EVIDENCE_LIMIT, cluster.getReportIds().size(), "a bounded record, however big the cluster");
        assertEquals("big000", cluster.getReportIds().get(0));
        assertEquals("150 hændelser om medicinering på samme enhed samme dag", cluster.getHeadline());
    }

    @Test
    void aClusterThatReclassificationsLeaveTooSmallIsWithdrawn() {
        for (String[] member : new String[][]{{"w1", "2026-11-02"}, {"w2", "2026-11-03"}, {"w3", "2026-11-05"}, {"w4", "2026-11-06"}}) {
            pipe(incident(member[0], IncidentType.MEDICATION, member[1]));
        }
        assertEquals(List.of(List.of("w1", "w2", "w3"), List.of("w1", "w2", "w3", "w4")),
                clusters().stream().map(Alert::getReportIds).toList());

        pipe(incident("w2", IncidentType.DOCUMENTATION, "2026-11-03"));
        assertEquals(List.of(List.of("w1", "w3", "w4")), clusters().stream().map(Alert::getReportIds).toList());
        pipe(incident("w3", IncidentType.DOCUMENTATION, "2026-11-05"));
        Alert withdrawn = clusters().get(0);
        assertEquals(AlertStatus.WITHDRAWN, withdrawn.getStatus());
        assertTrue(withdrawn.getReason().contains("2 hændelser tilbage"), withdrawn.getReason());

        clock.advance(Duration.ofHours(1));
        pipe(incident("w5", IncidentType.MEDICATION, "2026-11-04"));
        Alert again = clusters().get(0);
        assertEquals(List.of(AlertStatus.ACTIVE, withdrawn.getAlertId(), List.of("w1", "w5", "w4"), NOW),
                List.of(again.getStatus(), again.getAlertId(), again.getReportIds(), again.getRaisedAt()),
                "three again in the same days: the same alert stands again, first raised when it was");
    }

    @Test
    void aClusterFoundInHistoryIsRecordedAsHistorical() {
        for (String day : List.of("2019-03-04", "2019-03-05", "2019-03-06")) {
            IncidentClassified incident = incident("h" + day, IncidentType.PATIENT_ACCIDENT_FALL, day);
            incident.getReport().setHistorical(true);
            pipe(incident);
        }
        assertEquals(List.of(AlertStatus.HISTORICAL), clusters().stream().map(Alert::getStatus).toList());
    }

    @Test
    void aRaisedSignalAlertsTheSeriesUnitAndAClearThatLastsADayWithdrawsIt() {
        String series = "incidents:MONTH:" + Reports.AUH_EMERGENCY + ":MEDICATION";
        pipe(signal(series, SignalChange.RAISED, false));
        Alert raised = signalAlerts().get(0);
        assertEquals("spc-signal:" + series + ":SIGMA", raised.getAlertId());
        assertEquals(List.of(AlertKind.SPC_SIGNAL, AlertStatus.ACTIVE, series, "1309010000000"),
                List.of(raised.getKind(), raised.getStatus(), raised.getSeriesId(), raised.getResponsibleUnit()));
        assertEquals(List.of(Reports.AUH_EMERGENCY, "1309010000000", "1309000000000"), raised.getLineage());
        assertEquals("Kontrolkort: et punkt uden for kontrolgrænserne (enhed " + Reports.AUH_EMERGENCY + ")", raised.getHeadline());
        assertEquals("a value outside the control limits in 2026-10", raised.getReason(), "the signal's own sentence");

        pipe(signal(series, SignalChange.RAISED, false));
        pipe(signal(series, SignalChange.CLEARED, false));
        later(Duration.ofHours(3));
        pipe(signal(series, SignalChange.RAISED, false));
        later(Duration.ofHours(23));
        assertTrue(signalAlerts().isEmpty(), "a repeat changes nothing, and a flap back within the day pages no one twice");

        pipe(signal(series, SignalChange.CLEARED, false));
        later(Duration.ofHours(23));
        assertTrue(signalAlerts().isEmpty(), "cleared for less than a day");
        later(Duration.ofHours(2));
        List<Alert> withdrawn = signalAlerts();
        assertEquals(List.of(AlertStatus.WITHDRAWN), withdrawn.stream().map(Alert::getStatus).toList());
        assertEquals(NOW, withdrawn.get(0).getRaisedAt());

        pipe(signal("incidents:MONTH:1309000000000:ALL", SignalChange.RAISED, true));
        Alert history = signalAlerts().get(0);
        assertEquals(AlertStatus.HISTORICAL, history.getStatus(), "a signal found only in history is recorded, not pushed");
        assertEquals("1309099000000", history.getResponsibleUnit(), "the region's own series: the regional team");
    }

    @Test
    void anIndicatorBelowItsStandardThreeMonthsRunningAlertsItsUnitUntilItMeetsItAgain() {
        String series = "indicator:RKKP-DAP:1a:1:" + Reports.AUH_EMERGENCY;
        LocalDate month = LocalDate.parse("2026-01-01");
        long[] numerators = {92, 85, 91, 86, 84};
        for (long numerator : numerators) {
            pipe(result(month, numerator));
            month = month.plusMonths(1);
        }
        assertTrue(standardAlerts().isEmpty(), "two misses in a row, and an old one, are no pattern yet");
        pipe(result(month, 80)); // June: the third miss in a row
        Alert raised = standardAlerts().get(0);
        assertEquals("indicator-standard:" + series + ":2026-04-01", raised.getAlertId());
        assertEquals(List.of(AlertStatus.ACTIVE, series, "1309010000000", LocalDate.parse("2026-06-30")),
                List.of(raised.getStatus(), raised.getSeriesId(), raised.getResponsibleUnit(), raised.getLastEventDate()));
        assertTrue(raised.getHeadline().contains("3 perioder i træk"), raised.getHeadline());

        pipe(result(month.plusMonths(1), 83));
        assertEquals(List.of(raised.getAlertId()), standardAlerts().stream().map(Alert::getAlertId).toList(), "the streak grows in its alert");
        pipe(result(month.plusMonths(2), 93));
        assertEquals(List.of(AlertStatus.WITHDRAWN), standardAlerts().stream().map(Alert::getStatus).toList(), "met again");

        QualityIndicatorObservation pathwayCase = QualityIndicatorObservation.newBuilder(result(month, 0)).setCaseId("F-1")
                .setKind(IndicatorKind.MEASUREMENT).setNumerator(null).setDenominator(null).setValue(80.0).setTarget(30.0)
                .setDirection(Direction.LOWER_IS_BETTER).build();
        for (int i = 0; i < 3; i++) {
            pipe(QualityIndicatorObservation.newBuilder(pathwayCase).setCaseId("F-" + i).build());
        }
        assertTrue(standardAlerts().isEmpty(), "single cases are charted, not alerted on as periods");
    }

    @Test
    void undecodableIncidentsGoToTheDeadLetters() {
        classifiedRaw.pipeInput("k", new byte[]{1, 2, 3});
        DeadLetter deadLetter = deadLetters.readValue();
        assertEquals(Topics.INCIDENTS_CLASSIFIED.name(), deadLetter.getSourceTopic());
        assertEquals(AlertingTopology.APPLICATION_ID, deadLetter.getService());
        assertTrue(alerts.isEmpty());
    }

    private void pipe(IncidentClassified incident) {
        classified.pipeInput(incident.getReportId(), incident);
    }

    private void pipe(QualityIndicatorObservation result) {
        results.pipeInput(result.getSource() + "|" + result.getPeriodStart(), result);
    }

    private List<Alert> standardAlerts() {
        return alerts.readValuesToList().stream().filter(a -> a.getKind() == AlertKind.INDICATOR_BELOW_STANDARD).toList();
    }

    /** A month's share of an RKKP indicator at the emergency department, against a standard of at least 90 %. */
    private static QualityIndicatorObservation result(LocalDate month, long numerator) {
        return QualityIndicatorObservation.newBuilder()
                .setSource("RKKP/DAP")
                .setIndicatorId("1a")
                .setKind(IndicatorKind.PROPORTION)
                .setPeriodStart(month)
                .setPeriodEnd(month.plusMonths(1).minusDays(1))
                .setUnitSorCode(Reports.AUH_EMERGENCY)
                .setNumerator(numerator)
                .setDenominator(100L)
                .setTarget(0.9)
                .setDirection(Direction.HIGHER_IS_BETTER)
                .build();
    }

    private void pipe(StatisticalSignal signal) {
        signals.pipeInput(signal.getSeriesId(), signal);
    }

    /** Time passes on the service's clock and on the stream's wall clock alike. */
    private void later(Duration duration) {
        clock.advance(duration);
        kit.driver().advanceWallClockTime(duration);
    }

    private List<Alert> signalAlerts() {
        return alerts.readValuesToList().stream().filter(a -> a.getKind() == AlertKind.SPC_SIGNAL).toList();
    }

    private static StatisticalSignal signal(String seriesId, SignalChange change, boolean historical) {
        return StatisticalSignal.newBuilder()
                .setSignalId(seriesId + ":" + change)
                .setSeriesId(seriesId)
                .setSeriesTitle("Medication incidents per month")
                .setUnitSorCode(seriesId.split(":")[2])
                .setChart(ChartKind.C)
                .setRule(SignalRule.SIGMA)
                .setChange(change)
                .setPoints(List.of())
                .setSentence("a value outside the control limits in 2026-10")
                .setDetectedAt(NOW)
                .setHistorical(historical)
                .build();
    }

    private List<Alert> clusters() {
        return alerts.readValuesToList().stream().filter(a -> a.getKind() == AlertKind.CLUSTER).toList();
    }

    /** A minor incident (no serious-incident alert) of a type, at the emergency department of Aarhus University Hospital. */
    private static IncidentClassified incident(String reportId, IncidentType type, String eventDate) {
        IncidentReported report = Reports.minor();
        report.setReportId(reportId);
        report.setEventDate(LocalDate.parse(eventDate));
        return IncidentClassified.newBuilder(classifiedAs(report, OverallSeverity.MINOR_CONSEQUENCE)).setIncidentType(type)
                .setResponsibleUnit("1309010000000").build();
    }

    /** A clock the test moves, so that each change of an alert has its own time. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
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
