package dk.rm.patientsafety.statistics;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Reads the statistics settings (grace, chart window, Laney threshold) from configuration. */
@Factory
public class StatisticsFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    StatisticsConfig statisticsConfig(@Value("${statistics.grace.day:14d}") Duration graceDay,
                                      @Value("${statistics.grace.iso-week:14d}") Duration graceWeek,
                                      @Value("${statistics.grace.month:30d}") Duration graceMonth,
                                      @Value("${statistics.chart-periods.day:90}") int days,
                                      @Value("${statistics.chart-periods.iso-week:104}") int weeks,
                                      @Value("${statistics.chart-periods.month:36}") int months,
                                      @Value("${statistics.laney-threshold:1000}") double laneyThreshold,
                                      @Value("${statistics.rechart-interval:1h}") Duration rechartInterval) {
        return new StatisticsConfig(new GracePeriods(graceDay, graceWeek, graceMonth), new ChartWindow(days, weeks, months), laneyThreshold,
                rechartInterval);
    }
}
