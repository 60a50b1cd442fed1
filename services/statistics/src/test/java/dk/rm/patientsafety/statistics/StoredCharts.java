package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.testkit.TopologyTestKit;
import org.apache.kafka.streams.TopologyTestDriver;

/** The read API's charts over a TopologyTestDriver's state stores, so tests see what a dashboard would. */
final class StoredCharts {

    private StoredCharts() {
    }

    static SeriesCharts of(TopologyTestKit kit) {
        TopologyTestDriver driver = kit.driver();
        return new SeriesCharts(driver.getKeyValueStore(StatisticsStores.INCIDENT_COUNTS), driver.getKeyValueStore(StatisticsStores.UNIT_ACTIVITY),
                driver.getKeyValueStore(StatisticsStores.INDICATOR_OBSERVATIONS), driver.getKeyValueStore(StatisticsStores.INCIDENT_SIGNAL_STATES),
                driver.getKeyValueStore(StatisticsStores.INDICATOR_SIGNAL_STATES), StatisticsConfig.defaults());
    }
}
