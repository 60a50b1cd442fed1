package dk.rm.patientsafety.spc;

/**
 * G chart: limits from the mean m, UCL = m + 3√(m(m + 1)), LCL = 0; the centre line drawn and used for the
 * runs analysis is the median, because the geometric distribution is skewed.
 */
final class GLimits {

    private GLimits() {
    }

    static PartLimits compute(PartData data) {
        double[] baseY = data.baseY();
        double mean = RStats.mean(baseY);
        double sigma = Math.sqrt(mean * (mean + 1));
        double lower = mean - 3 * sigma;
        // qicharts2 clips without an is.finite() test here, unlike the other count charts.
        if (lower < 0) {
            lower = 0;
        }
        return PartLimits.constant(data.y(), RStats.median(baseY), lower, mean + 3 * sigma);
    }
}
