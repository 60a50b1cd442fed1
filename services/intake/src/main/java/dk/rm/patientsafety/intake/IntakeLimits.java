package dk.rm.patientsafety.intake;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.LocalDate;

/** How much intake accepts: text lengths, batch size, and how far back an incident may lie. */
@ConfigurationProperties("intake.limits")
public class IntakeLimits {

    private int maxHeadlineLength = 200;
    private int maxTextLength = 20_000;
    private int maxShortTextLength = 200;
    private int maxBatchSize = 1_000;
    /** National UTH reporting began on 1 January 2004; an earlier event date is a typing error. */
    private LocalDate earliestEventDate = LocalDate.of(2004, 1, 1);

    public int getMaxHeadlineLength() {
        return maxHeadlineLength;
    }

    public void setMaxHeadlineLength(int maxHeadlineLength) {
        this.maxHeadlineLength = maxHeadlineLength;
    }

    public int getMaxTextLength() {
        return maxTextLength;
    }

    public void setMaxTextLength(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /** For names, codes and the other one-line fields. */
    public int getMaxShortTextLength() {
        return maxShortTextLength;
    }

    public void setMaxShortTextLength(int maxShortTextLength) {
        this.maxShortTextLength = maxShortTextLength;
    }

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public LocalDate getEarliestEventDate() {
        return earliestEventDate;
    }

    public void setEarliestEventDate(LocalDate earliestEventDate) {
        this.earliestEventDate = earliestEventDate;
    }
}
