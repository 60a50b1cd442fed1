package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.PeriodGranularity;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** Reads the statistics settings (grace, chart window, Laney threshold, re-charting, signal policy) from configuration. */
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
                                      @Value("${statistics.rechart-interval:1h}") Duration rechartInterval,
                                      @Value("${statistics.signals.minimum-points:10}") int minimumPoints,
                                      @Value("${statistics.signals.incident-granularities:ISO_WEEK,MONTH}") Set<PeriodGranularity> signalled,
                                      @Value("${statistics.signals.minimum-mean-count:1.0}") double minimumMeanCount,
                                      @Value("${statistics.chart-interval:1s}") Duration chartInterval) {
        return new StatisticsConfig(new GracePeriods(graceDay, graceWeek, graceMonth), new ChartWindow(days, weeks, months), laneyThreshold,
                rechartInterval, new SignalPolicy(minimumPoints, Set.copyOf(signalled), minimumMeanCount), chartInterval);
    }
}
