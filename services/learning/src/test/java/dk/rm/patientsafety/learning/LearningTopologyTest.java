package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.events.AlertEvent;
import dk.rm.patientsafety.events.AlertKind;
import dk.rm.patientsafety.events.AlertStatus;
import dk.rm.patientsafety.events.ChartKind;
import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.CountVisibility;
import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.events.LearningAudience;
import dk.rm.patientsafety.events.LearningCadence;
import dk.rm.patientsafety.events.LearningChannel;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.LearningSummary;
import dk.rm.patientsafety.events.LocationRole;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.events.PublishedCount;
import dk.rm.patientsafety.events.SignalChange;
import dk.rm.patientsafety.events.SignalPoint;
import dk.rm.patientsafety.events.SignalRule;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.events.SummaryCount;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.SettableClock;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningTopologyTest {

    /** Monday of ISO week 48: weeks 45 to 47 are closed, November is not. */
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-02T08:00:00Z");
    private static final String AUH = "1309010000000";
    private static final String AUH_ORTHOPAEDICS = "1309013000000";
    private static final String GODSTRUP = "1309021000000";
    private static final String AARHUS = "7510000000000";
    private static final String AARHUS_HOME_CARE = "7511000000000";
    private static final String SILKEBORG = "7400000000000";
    private static final String SILKEBORG_NURSING = "7401000000000";
    private static final LocalDate WEEK_46 = LocalDate.parse("2026-11-10");
    private static final LocalDate WEEK_47 = LocalDate.parse("2026-11-18");
    private static final Duration ROUND = Duration.ofSeconds(10);

    private final OrganisationRegister register = OrganisationRegister.load(Optional.empty());
    private final List<TopologyTestKit> kits = new ArrayList<>();

    private Driver driver;

    @BeforeEach
    void setUp() {
        driver = new Driver();
    }

    @AfterEach
    void tearDown() {
        kits.forEach(TopologyTestKit::close);
    }

    @Test
    void aStaffSummaryCountsItsUnitsIncidentsAgainstThePeriodBeforeAndTheBaseline() {
        driver.subscribe(staff("s1", AUH));
        driver.incident(incident(LocalDate.parse("2026-10-01"), Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        for (int i = 0; i < 3; i++) {
            driver.incident(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        }
        driver.incident(incident(WEEK_46, AUH_ORTHOPAEDICS, IncidentType.PATIENT_ACCIDENT_FALL, OverallSeverity.NO_CONSEQUENCE));
        driver.incident(incident(WEEK_46, GODSTRUP, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        driver.incident(incident(WEEK_47, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        driver.incident(incident(WEEK_47, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        driver.round();

        Map<String, LearningSummary> summaries = driver.latest();
        assertEquals(List.of("s1|2026-W45", "s1|2026-W46", "s1|2026-W47"), List.copyOf(summaries.keySet()),
                "every closed week from the one the subscription was created in; week 48 is still open");
        LearningSummary week46 = summaries.get("s1|2026-W46");
        assertEquals("uge 46, 2026", week46.getPeriodLabel());
        assertEquals(LocalDate.parse("2026-11-09"), week46.getPeriodStart());
        assertEquals(LocalDate.parse("2026-11-15"), week46.getPeriodEnd());
        assertEquals(4, week46.getTotal().getCount().getValue(), "Gødstrup is not Aarhus University Hospital");
        assertEquals(0, week46.getTotal().getPrevious().getValue());
        assertEquals(6, week46.getBaselinePeriods(), "weeks 40 to 45: the first report is of week 40");
        assertEquals(0.0, week46.getTotal().getBaseline());
        assertEquals(3, count(week46.getByType(), "MEDICATION").getCount().getValue());
        assertEquals(1, count(week46.getByType(), "PATIENT_ACCIDENT_FALL").getCount().getValue());
        assertEquals(List.of("MEDICATION", "PATIENT_ACCIDENT_FALL"), week46.getByType().stream().map(SummaryCount::getKey).toList(),
                "staff see the types that occur");
        assertEquals(OverallSeverity.values().length, week46.getBySeverity().size());
        LearningSummary week47 = summaries.get("s1|2026-W47");
        assertEquals(2, week47.getTotal().getCount().getValue());
        assertEquals(4, week47.getTotal().getPrevious().getValue());
        assertEquals(-2, week47.getTotal().getChange());
        assertEquals("Ingen hændelser i perioden.", summaries.get("s1|2026-W45").getHighlights().get(0));
        assertEquals(IncidentType.MEDICATION.name(), week46.getThemes().get(0).getName());
    }

    @Test
    void theSameInputsAgainPublishNothingNewAndALateReportPublishesANewVersionOfItsPeriodAndTheOneAfter() {
        driver.subscribe(staff("s1", AUH));
        IncidentClassified first = incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE);
        driver.incident(first);
        driver.round();
        Map<String, LearningSummary> before = driver.latest();
        driver.drain();

        driver.incident(first);
        driver.subscribe(staff("s1", AUH));
        driver.round();
        assertTrue(driver.drain().isEmpty(), "a redelivery changes no summary, so none is published");

        driver.incident(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.PATIENT_ACCIDENT_FALL, OverallSeverity.NO_CONSEQUENCE));
        driver.round();
        Map<String, LearningSummary> after = lastOf(driver.drain());
        assertEquals(List.of("s1|2026-W46", "s1|2026-W47"), List.copyOf(after.keySet()),
                "the late report's week, and the week after it whose previous period it is");
        assertEquals(2, after.get("s1|2026-W46").getTotal().getCount().getValue());
        assertNotEquals(before.get("s1|2026-W46").getDigest(), after.get("s1|2026-W46").getDigest());
    }

    @Test
    void anOverrideRegeneratesThePeriodWithTheNewType() {
        driver.subscribe(staff("s1", AUH));
        IncidentClassified incident = incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE);
        driver.incident(incident);
        driver.round();
        driver.drain();

        driver.incident(IncidentClassified.newBuilder(incident).setIncidentType(IncidentType.DOCUMENTATION).build());
        driver.round();
        LearningSummary week46 = lastOf(driver.drain()).get("s1|2026-W46");
        assertEquals(1, count(week46.getByType(), "DOCUMENTATION").getCount().getValue());
        assertTrue(week46.getByType().stream().noneMatch(row -> row.getKey().equals("MEDICATION")), "no medication incident is left");
    }

    @Test
    void aReplayOfTheSameTopicsGivesTheSameSummariesWhateverTheOrderAndTheRoundsBetween() {
        List<Consumer<Driver>> inputs = new ArrayList<>();
        inputs.add(d -> d.subscribe(staff("s1", AUH)));
        inputs.add(d -> d.subscribe(partner("p1", AARHUS)));
        for (int i = 0; i < 12; i++) {
            LocalDate day = WEEK_46.minusDays(i * 3L);
            IncidentClassified incident = crossSector(incident(day, Reports.AUH_EMERGENCY, i % 2 == 0 ? IncidentType.MEDICATION
                    : IncidentType.CLINICAL_ADMINISTRATION, OverallSeverity.MINOR_CONSEQUENCE), AARHUS_HOME_CARE);
            inputs.add(d -> d.incident(incident));
        }
        IncidentClassified overridden = incident(WEEK_47, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.SERIOUS_CONSEQUENCE);
        inputs.add(d -> d.incident(overridden));
        inputs.add(d -> d.incident(IncidentClassified.newBuilder(overridden).setOverallSeverity(OverallSeverity.MINOR_CONSEQUENCE).build()));

        for (Consumer<Driver> input : inputs) {
            input.accept(driver);
            driver.round();
        }
        Driver replay = new Driver();
        inputs.forEach(input -> input.accept(replay));
        replay.round();

        assertEquals(driver.latest(), replay.latest(), "live, with a round after every record, and replayed in one go");
        assertFalse(driver.latest().isEmpty());
    }

    @Test
    void aPartnerGetsOnlyCrossSectorIncidentsThatInvolveItSuppressedAndWithoutText() {
        driver.subscribe(partner("aarhus", AARHUS));
        driver.subscribe(partner("silkeborg", SILKEBORG));
        for (int i = 0; i < 10; i++) {
            driver.incident(crossSector(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE),
                    AARHUS_HOME_CARE));
        }
        for (int i = 0; i < 6; i++) {
            driver.incident(crossSector(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.CLINICAL_ADMINISTRATION, OverallSeverity.NO_CONSEQUENCE),
                    AARHUS_HOME_CARE));
        }
        for (int i = 0; i < 7; i++) {
            driver.incident(crossSector(incident(WEEK_46, GODSTRUP, IncidentType.BEHAVIOUR, OverallSeverity.MINOR_CONSEQUENCE), SILKEBORG_NURSING));
        }
        // Involves Aarhus, but stayed within one sector as classified: not a partner's.
        driver.incident(involving(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE),
                AARHUS_HOME_CARE));
        driver.round();

        Map<String, LearningSummary> summaries = driver.latest();
        LearningSummary aarhus = summaries.get("aarhus|2026-W46");
        LearningSummary silkeborg = summaries.get("silkeborg|2026-W46");
        assertEquals("16", aarhus.getTotal().getCount().getDisplay(), "Aarhus's own sixteen, not Silkeborg's seven nor the one-sector one");
        assertEquals("7", silkeborg.getTotal().getCount().getDisplay());
        assertEquals(IncidentType.values().length, aarhus.getByType().size(), "every type, so which rows appear tells nothing");
        for (LearningSummary summary : List.of(aarhus, silkeborg)) {
            assertTrue(summary.getExamples().isEmpty() && summary.getSeriousIncidents().isEmpty() && summary.getSignals().isEmpty()
                    && summary.getThemes().isEmpty(), "aggregates only");
            allCounts(summary).forEach(cell -> {
                assertTrue(cell.getVisibility() != CountVisibility.SHOWN || cell.getValue() >= SmallCellSuppression.THRESHOLD,
                        "no count below five is shown: " + cell);
                assertTrue(cell.getVisibility() == CountVisibility.SHOWN || cell.getValue() == null, "a suppressed count carries no value");
            });
        }
        assertEquals(CountVisibility.BELOW_FIVE, count(aarhus.getByType(), "BEHAVIOUR").getCount().getVisibility());
        String text = new String(Topics.LEARNING_SUMMARIES.valueSerde(driver.kit.registry()).serializer()
                .serialize(Topics.LEARNING_SUMMARIES.name(), aarhus), StandardCharsets.UTF_8);
        assertFalse(text.contains("heparin") || text.contains("Forkert dosis"), "no free text reaches a partner");
    }

    @Test
    void aPartnersPreviousPeriodIsWhatItsOwnSummaryOfThatPeriodPublished() {
        driver.subscribe(partner("aarhus", AARHUS));
        for (int i = 0; i < 9; i++) {
            driver.incident(crossSector(incident(WEEK_46, Reports.AUH_EMERGENCY, i < 6 ? IncidentType.MEDICATION : IncidentType.DOCUMENTATION,
                    OverallSeverity.MINOR_CONSEQUENCE), AARHUS_HOME_CARE));
        }
        for (int i = 0; i < 7; i++) {
            driver.incident(crossSector(incident(WEEK_47, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE),
                    AARHUS_HOME_CARE));
        }
        driver.round();

        LearningSummary week46 = driver.latest().get("aarhus|2026-W46");
        LearningSummary week47 = driver.latest().get("aarhus|2026-W47");
        assertEquals(week46.getTotal().getCount(), week47.getTotal().getPrevious());
        for (int row = 0; row < week46.getByType().size(); row++) {
            assertEquals(week46.getByType().get(row).getCount(), week47.getByType().get(row).getPrevious(),
                    "row " + week46.getByType().get(row).getKey() + ": the period before can only repeat what was published");
            SummaryCount now = week47.getByType().get(row);
            assertTrue(now.getChange() == null || (now.getCount().getValue() != null && now.getPrevious().getValue() != null),
                    "a change only between two shown counts, or it would give the hidden one away");
        }
        assertEquals(CountVisibility.HIDDEN, count(week47.getByType(), "MEDICATION").getCount().getVisibility(),
                "7 medication of a shown 7 would pin every other type at 0, so it is hidden");
        assertEquals(CountVisibility.SHOWN, count(week46.getByType(), "MEDICATION").getCount().getVisibility(),
                "6 medication of a shown 9 leaves the other 3 spread over every other type");
    }

    @Test
    void aStaffSummaryListsSeriousIncidentsWithTheirAlertsStateAndExamplesInRedactedWordsOnly() {
        driver.subscribe(staff("s1", AUH));
        IncidentClassified fatal = withTexts(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.FATAL_CONSEQUENCE),
                "Forkert dosis [lægemiddel] givet", "Patienten fik [dosis] pga. forveksling.");
        IncidentClassified unredacted = incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.SERIOUS_CONSEQUENCE);
        driver.incident(fatal);
        driver.incident(unredacted);
        String alertId = "serious-incident:" + fatal.getReportId();
        driver.step(new AlertEvent(alertId, 2, FollowUpAction.ACKNOWLEDGED, FollowUpStatus.OPEN, FollowUpStatus.ACKNOWLEDGED, "officer", null,
                NOW, 0, List.of()));
        driver.alert(alert(alertId, fatal));
        driver.step(new AlertEvent(alertId, 1, FollowUpAction.RAISED, FollowUpStatus.OPEN, FollowUpStatus.OPEN, "system", null, NOW, 0, List.of()));
        driver.round();

        LearningSummary week46 = driver.latest().get("s1|2026-W46");
        assertEquals(2, week46.getSeriousIncidents().size());
        var listed = week46.getSeriousIncidents().stream().filter(s -> s.getReportId().equals(fatal.getReportId())).findFirst().orElseThrow();
        assertEquals(FollowUpStatus.ACKNOWLEDGED, listed.getAlertStatus(), "the latest step counts, even when it came first");
        assertEquals("kvitteret", listed.getAlertStatusLabel());
        var other = week46.getSeriousIncidents().stream().filter(s -> s.getReportId().equals(unredacted.getReportId())).findFirst().orElseThrow();
        assertNull(other.getAlertStatus());
        assertEquals(1, week46.getExamples().size(), "a report without its redacted words is never an example");
        assertEquals("Patienten fik [dosis] pga. forveksling.", week46.getExamples().get(0).getDescription());
        String text = week46.toString();
        assertFalse(text.contains("heparin"), "the internal text never reaches a summary");
    }

    @Test
    void aSignalOfACoveredUnitIsListedForStaffInThePeriodOfItsLatestPoint() {
        driver.subscribe(staff("s1", AUH));
        driver.subscribe(staff("g", "1309020000000"));
        driver.signal(signal("incidents:WEEK:" + Reports.AUH_EMERGENCY + ":MEDICATION", Reports.AUH_EMERGENCY, LocalDate.parse("2026-11-09")));
        driver.round();

        assertEquals(1, driver.latest().get("s1|2026-W46").getSignals().size());
        assertEquals("Serien ligger over sin øvre grænse.", driver.latest().get("s1|2026-W46").getSignals().get(0).getSentence());
        assertTrue(driver.latest().get("g|2026-W46").getSignals().isEmpty(), "Gødstrup's subscription does not cover Aarhus");
    }

    @Test
    void aPausedSubscriptionGetsNothingUntilResumedAndADeletedOneHasItsSummariesTombstoned() {
        LearningSubscription paused = LearningSubscription.newBuilder(staff("s1", AUH)).setPaused(true).setRevision(2).build();
        driver.subscribe(paused);
        driver.incident(incident(WEEK_46, Reports.AUH_EMERGENCY, IncidentType.MEDICATION, OverallSeverity.MINOR_CONSEQUENCE));
        driver.round();
        assertTrue(driver.drain().isEmpty());

        driver.subscribe(LearningSubscription.newBuilder(paused).setPaused(false).setRevision(3).build());
        driver.subscribe(LearningSubscription.newBuilder(paused).setRevision(1).build());
        driver.round();
        assertEquals(3, lastOf(driver.drain()).size(), "resumed: every closed week; an older revision read late changes nothing");

        driver.subscriptions.pipeInput("s1", null);
        driver.round();
        List<KeyValue<String, LearningSummary>> tombstones = driver.drain();
        assertEquals(3, tombstones.size());
        assertTrue(tombstones.stream().allMatch(kv -> kv.value == null));
    }

    @Test
    void aPoisonSubscriptionIsADeadLetterAndTheStreamGoesOn() {
        driver.subscriptionsRaw.pipeInput("bad", new byte[] {0, 0, 0, 0, 1, 2, 3});
        driver.subscribe(staff("s1", AUH));
        driver.round();

        assertEquals(1, driver.deadLetters.readValuesToList().size());
        assertEquals(3, driver.latest().size());
    }

    @Test
    void aPeriodClosesBeforeItsSummaryIsMadeOnlyAfterTheDelay() {
        Driver delayed = new Driver(Duration.ofHours(24), Duration.ofDays(8));
        delayed.subscribe(staff("s1", AUH));
        delayed.round();
        assertEquals(List.of("s1|2026-W45", "s1|2026-W46"), List.copyOf(delayed.latest().keySet()),
                "Monday 10:00: week 47 ended ten hours ago, within the day's delay");
        delayed.subscribe(partner("p", AARHUS));
        delayed.round();
        assertEquals(List.of("p|2026-W45"), List.copyOf(lastOf(delayed.drain()).keySet()),
                "a partner's period waits longer: week 46 ended 7 days and 10 hours ago, within its 8 days");
        delayed.advance(Duration.ofDays(1));
        assertEquals(List.of("p|2026-W46", "s1|2026-W47"), List.copyOf(lastOf(delayed.drain()).keySet()), "a day later both are made");
    }

    private static Map<String, LearningSummary> lastOf(List<KeyValue<String, LearningSummary>> records) {
        Map<String, LearningSummary> latest = new LinkedHashMap<>();
        records.forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    private static SummaryCount count(List<SummaryCount> rows, String key) {
        return rows.stream().filter(r -> r.getKey().equals(key)).findFirst().orElseThrow();
    }

    private static List<PublishedCount> allCounts(LearningSummary summary) {
        List<PublishedCount> cells = new ArrayList<>();
        List<SummaryCount> rows = new ArrayList<>(summary.getByType());
        rows.addAll(summary.getBySeverity());
        rows.add(summary.getTotal());
        rows.forEach(r -> {
            cells.add(r.getCount());
            cells.add(r.getPrevious());
        });
        return cells;
    }

    private static LearningSubscription staff(String id, String unit) {
        return subscription(id, LearningAudience.STAFF, unit, false);
    }

    private static LearningSubscription partner(String id, String unit) {
        return subscription(id, LearningAudience.PARTNER, unit, true);
    }

    private static LearningSubscription subscription(String id, LearningAudience audience, String unit, boolean crossSectorOnly) {
        return LearningSubscription.newBuilder()
                .setSubscriptionId(id).setRevision(1).setAudience(audience).setName(null).setUnits(List.of(unit))
                .setIncidentTypes(List.of()).setMinimumSeverity(null).setCrossSectorOnly(crossSectorOnly)
                .setCadence(LearningCadence.WEEKLY).setChannel(LearningChannel.WEB_PAGE).setTarget(null).setPaused(false)
                .setCreatedAt(CREATED).build();
    }

    private static IncidentClassified incident(LocalDate day, String location, IncidentType type, OverallSeverity severity) {
        IncidentReported report = Reports.report(Consequence.MINOR, Consequence.MINOR).setEventDate(day).setIncidentLocation(location)
                .setInvolvedLocations(List.of(new InvolvedLocation(location, LocationRole.OCCURRED))).build();
        return IncidentClassified.newBuilder()
                .setReportId(report.getReportId()).setReport(report).setOverallSeverity(severity).setClassifiedAt(NOW)
                .setClassifierVersion("test").setIncidentType(type)
                .setExplanations(List.of(new Explanation("incidentType", "IncidentTypeClassifier -> " + type,
                        List.of("headline:dosis -> " + type + ":phrase:dosis"), 0.9)))
                .build();
    }

    private static IncidentClassified involving(IncidentClassified incident, String unit) {
        IncidentReported report = IncidentReported.newBuilder(incident.getReport())
                .setInvolvedLocations(List.of(new InvolvedLocation(incident.getReport().getIncidentLocation(), LocationRole.OCCURRED),
                        new InvolvedLocation(unit, LocationRole.RECEIVED))).build();
        return IncidentClassified.newBuilder(incident).setReport(report).build();
    }

    private static IncidentClassified crossSector(IncidentClassified incident, String unit) {
        return IncidentClassified.newBuilder(involving(incident, unit)).setCrossSector(true).build();
    }

    private static IncidentClassified withTexts(IncidentClassified incident, String headline, String description) {
        return IncidentClassified.newBuilder(incident).setReport(IncidentReported.newBuilder(incident.getReport())
                .setExternalHeadline(headline).setExternalDescription(description).build()).build();
    }

    private static Alert alert(String alertId, IncidentClassified incident) {
        return Alert.newBuilder().setAlertId(alertId).setKind(AlertKind.SERIOUS_INCIDENT).setReportId(incident.getReportId())
                .setOverallSeverity(incident.getOverallSeverity()).setIncidentLocation(incident.getReport().getIncidentLocation())
                .setEventDate(incident.getReport().getEventDate()).setHeadline("-").setReason("-").setRaisedAt(NOW)
                .setStatus(AlertStatus.ACTIVE).build();
    }

    private static StatisticalSignal signal(String seriesId, String unit, LocalDate pointStart) {
        return StatisticalSignal.newBuilder().setSignalId(UUID.randomUUID().toString()).setSeriesId(seriesId).setSeriesTitle("Medicinering")
                .setUnitSorCode(unit).setChart(ChartKind.C).setRule(SignalRule.SIGMA).setChange(SignalChange.RAISED)
                .setPoints(List.of(new SignalPoint(pointStart, 9.0, 3.0, 0.0, 8.0)))
                .setSentence("Serien ligger over sin øvre grænse.").setDetectedAt(NOW).build();
    }

    /** One topology with its clock: a round is the punctuation, run by moving both clocks on. */
    private final class Driver {
        private final TopologyTestKit kit = new TopologyTestKit();
        private final SettableClock clock = new SettableClock(NOW);
        private final TestInputTopic<String, IncidentClassified> incidents;
        private final TestInputTopic<String, LearningSubscription> subscriptions;
        private final TestInputTopic<String, byte[]> subscriptionsRaw;
        private final TestInputTopic<String, StatisticalSignal> signals;
        private final TestInputTopic<String, Alert> alerts;
        private final TestInputTopic<String, AlertEvent> steps;
        private final TestOutputTopic<String, LearningSummary> summaries;
        private final TestOutputTopic<String, DeadLetter> deadLetters;
        private final Map<String, LearningSummary> latest = new LinkedHashMap<>();

        Driver() {
            this(Duration.ZERO, Duration.ZERO);
        }

        Driver(Duration delay, Duration partnerDelay) {
            kits.add(kit);
            kit.start(LearningTopology.build(kit.registry(), register, new SummarySchedule(delay, partnerDelay, ROUND, 500), clock),
                    LearningTopology.APPLICATION_ID, NOW);
            incidents = kit.input(Topics.INCIDENTS_CLASSIFIED);
            subscriptions = kit.input(Topics.LEARNING_SUBSCRIPTIONS);
            subscriptionsRaw = kit.rawInput(Topics.LEARNING_SUBSCRIPTIONS);
            signals = kit.input(Topics.SIGNALS);
            alerts = kit.input(Topics.ALERTS);
            steps = kit.input(Topics.ALERT_EVENTS);
            summaries = kit.output(Topics.LEARNING_SUMMARIES);
            deadLetters = kit.output(Topics.DEAD_LETTERS);
        }

        void subscribe(LearningSubscription subscription) {
            subscriptions.pipeInput(subscription.getSubscriptionId(), subscription);
        }

        void incident(IncidentClassified incident) {
            incidents.pipeInput(incident.getReportId(), incident);
        }

        void signal(StatisticalSignal signal) {
            signals.pipeInput(signal.getSeriesId(), signal);
        }

        void alert(Alert alert) {
            alerts.pipeInput(alert.getAlertId(), alert);
        }

        void step(AlertEvent step) {
            steps.pipeInput(step.getAlertId() + "|" + step.getSequence(), step);
        }

        void round() {
            advance(ROUND);
        }

        void advance(Duration duration) {
            clock.advance(duration);
            kit.driver().advanceWallClockTime(duration);
        }

        /** Everything published since the last drain, in order; the latest of each key is kept for {@link #latest}. */
        List<KeyValue<String, LearningSummary>> drain() {
            List<KeyValue<String, LearningSummary>> read = summaries.readKeyValuesToList();
            read.forEach(kv -> {
                if (kv.value == null) {
                    latest.remove(kv.key);
                } else {
                    latest.put(kv.key, kv.value);
                }
            });
            return read;
        }

        /** The topic as compaction leaves it, sorted by key. */
        Map<String, LearningSummary> latest() {
            drain();
            Map<String, LearningSummary> sorted = new java.util.TreeMap<>(latest);
            return new LinkedHashMap<>(sorted);
        }
    }
}
