package dk.rm.patientsafety.spc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {

    private static void rejects(String messagePart, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static Chart chart(ChartType type, Observation... observations) {
        return Qic.chart(ChartSpec.of(type), List.of(observations));
    }

    @Test
    void tChartNeedsPositiveTimes() {
        rejects("greater than zero", () -> chart(ChartType.T, Observation.count(3), Observation.count(0)));
    }

    @Test
    void countsMustNotBeNegative() {
        rejects("counts >= 0", () -> chart(ChartType.C, Observation.count(-1)));
        rejects("counts >= 0", () -> chart(ChartType.U, Observation.of(-1, 10)));
    }

    @Test
    void chartsWithoutDenominatorsRejectThem() {
        rejects("without denominators", () -> chart(ChartType.C, Observation.of(3, 10)));
        rejects("without denominators", () -> chart(ChartType.G, Observation.count(3), Observation.of(3, 10)));
    }

    @Test
    void rateAndProportionChartsNeedDenominators() {
        rejects("needs denominators", () -> chart(ChartType.P, Observation.count(3), Observation.count(4)));
        rejects("needs denominators", () -> chart(ChartType.U_PRIME, Observation.missing()));
    }

    @Test
    void eventsWithZeroExposureAreRejectedInsteadOfPlottedAsInfinity() {
        rejects("zero denominator", () -> chart(ChartType.U, Observation.of(2, 0)));
        rejects("zero denominator", () -> chart(ChartType.RUN, Observation.of(2, 0)));
    }

    @Test
    void proportionsCannotExceedTheirDenominator() {
        rejects("value <= denominator", () -> chart(ChartType.P, Observation.of(11, 10)));
    }

    @Test
    void negativeOrInfiniteInputIsRejected() {
        rejects("must not be negative", () -> chart(ChartType.U, Observation.of(1, -5)));
        rejects("finite", () -> chart(ChartType.I, Observation.count(Double.POSITIVE_INFINITY)));
    }

    @Test
    void emptySeriesAndNullObservationsAreRejected() {
        rejects("at least one", () -> Qic.chart(ChartSpec.of(ChartType.RUN), List.of()));
        rejects("is null", () -> Qic.chart(ChartSpec.of(ChartType.RUN), java.util.Arrays.asList(Observation.count(1), null)));
    }

    @Test
    void freezeAndPartsCannotBeCombined() {
        rejects("cannot be combined", () -> Qic.chart(ChartSpec.of(ChartType.I).withFreeze(5).withParts(List.of(8)),
                List.of(Observation.count(1))));
    }

    @Test
    void specRejectsNonsenseOptions() {
        rejects("freeze", () -> ChartSpec.of(ChartType.I).withFreeze(-1));
        rejects("multiply", () -> ChartSpec.of(ChartType.I).withMultiply(0));
        rejects("multiply", () -> ChartSpec.of(ChartType.I).withMultiply(Double.NaN));
        rejects("part", () -> ChartSpec.of(ChartType.I).withParts(List.of(-2)));
    }

    @Test
    void unknownQicNameIsRejected() {
        rejects("Unknown", () -> ChartType.fromQicName("xbar"));
    }
}
