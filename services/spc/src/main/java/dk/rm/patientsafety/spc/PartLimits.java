package dk.rm.patientsafety.spc;

/** The lines of one phase before {@code multiply}; {@code y} differs from the input for MR and T charts. */
record PartLimits(double[] y, double centreLine, double[] lower, double[] upper) {

    static PartLimits constant(double[] y, double centreLine, double lower, double upper) {
        return new PartLimits(y, centreLine, RStats.filled(y.length, lower), RStats.filled(y.length, upper));
    }

    /** Lower limits below zero mean nothing for counts and rates; infinite ones are left to become NA. */
    PartLimits clipLowerAtZero() {
        double[] clipped = lower.clone();
        for (int i = 0; i < clipped.length; i++) {
            if (clipped[i] < 0 && Double.isFinite(clipped[i])) {
                clipped[i] = 0;
            }
        }
        return new PartLimits(y, centreLine, clipped, upper);
    }

    /** A proportion cannot exceed 1. */
    PartLimits clipUpperAtOne() {
        double[] clipped = upper.clone();
        for (int i = 0; i < clipped.length; i++) {
            if (clipped[i] > 1 && Double.isFinite(clipped[i])) {
                clipped[i] = 1;
            }
        }
        return new PartLimits(y, centreLine, lower, clipped);
    }
}
