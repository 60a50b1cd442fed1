package dk.rm.patientsafety.spc;

/** Run chart: the centre line is the median of the baseline points and there are no limits. */
final class RunChartCentre {

    private RunChartCentre() {
    }

    static PartLimits compute(PartData data) {
        return PartLimits.constant(data.y(), RStats.median(data.baseY()), Double.NaN, Double.NaN);
    }
}
