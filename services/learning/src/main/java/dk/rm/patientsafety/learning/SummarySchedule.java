package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningAudience;

import java.time.Duration;

/**
 * When summaries are made. {@code delay}: a period counts as closed this long after its last day ends, so reports
 * written the morning after are in its first version. {@code partnerDelay}: the same for partners, longer, so that
 * late reports seldom change a partner's summary after it is out: each new version of a period is another table a
 * reader could hold against the first. {@code interval}: how often a round runs. {@code batch}: at most this many
 * summaries are built in one round.
 */
record SummarySchedule(Duration delay, Duration partnerDelay, Duration interval, int batch) {

    SummarySchedule {
        if (delay.isNegative() || partnerDelay.isNegative() || interval.isZero() || interval.isNegative() || batch < 1) {
            throw new IllegalArgumentException("learning.summary: delays must be 0 or more, interval positive, batch at least 1");
        }
    }

    Duration delay(LearningAudience audience) {
        return audience == LearningAudience.PARTNER ? partnerDelay : delay;
    }
}
