package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import org.apache.kafka.streams.TopologyTestDriver;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The statistics topology in a TopologyTestDriver with the shipped register and defaults, and its charts as the read API sees them. */
final class StatisticsTestKit {

    private StatisticsTestKit() {
    }

    /** Starts the topology with the driver's wall clock at {@code wallClock} (for the hourly re-charting). */
    static void start(TopologyTestKit kit, Instant wallClock) {
        kit.start(StatisticsTopology.build(kit.registry(), StatisticsConfig.defaults(), OrganisationRegister.load(Optional.empty()),
                Clock.fixed(wallClock, ZoneOffset.UTC)), StatisticsTopology.APPLICATION_ID, wallClock);
    }

    static SeriesCharts charts(TopologyTestKit kit) {
        TopologyTestDriver driver = kit.driver();
        return new SeriesCharts(driver.getKeyValueStore(StatisticsStores.SERIES_TOTALS), driver.getKeyValueStore(StatisticsStores.UNIT_ACTIVITY),
                driver.getKeyValueStore(StatisticsStores.INDICATOR_OBSERVATIONS), driver.getKeyValueStore(StatisticsStores.INCIDENT_SIGNAL_STATES),
                driver.getKeyValueStore(StatisticsStores.INDICATOR_SIGNAL_STATES), StatisticsConfig.defaults());
    }
}
