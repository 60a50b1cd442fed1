package dk.rm.patientsafety.spc;

/** I chart: CL = mean, limits CL ± 3σ with σ = average moving range (screened unless asked not to) / 1.128. */
final class IndividualsLimits {

    static final double D2 = 1.128;

    private IndividualsLimits() {
    }

    static PartLimits compute(PartData data) {
        double[] baseY = data.baseY();
        double centre = RStats.mean(baseY);
        double sigma = data.averageMovingRange(RStats.absDiff(centred(baseY, centre))) / D2;
        return PartLimits.constant(data.y(), centre, centre - 3 * sigma, centre + 3 * sigma);
    }

    /** qicharts2 takes ranges of y − CL, not of y; the rounding differs in the last bit and can matter for ties. */
    private static double[] centred(double[] values, double centre) {
        double[] centred = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            centred[i] = values[i] - centre;
        }
        return centred;
    }
}
