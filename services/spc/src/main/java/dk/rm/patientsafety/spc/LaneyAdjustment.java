package dk.rm.patientsafety.spc;

/**
 * Laney's P′ and U′ charts: σᵢ of the P or U chart times σz, where σz = screened mean |Δzᵢ| / 1.128 and
 * zᵢ = (yᵢ − CL) / σᵢ, because huge denominators make binomial or Poisson limits too narrow.
 */
final class LaneyAdjustment {

    private LaneyAdjustment() {
    }

    static PartLimits pPrime(PartData data) {
        double centre = RateLimits.centreLine(data);
        double[] sigmas = RateLimits.proportionSigmas(data, centre);
        return RateLimits.threeSigma(data.y(), centre, adjusted(data, centre, sigmas)).clipLowerAtZero().clipUpperAtOne();
    }

    static PartLimits uPrime(PartData data) {
        double centre = RateLimits.centreLine(data);
        double[] sigmas = RateLimits.rateSigmas(data, centre);
        return RateLimits.threeSigma(data.y(), centre, adjusted(data, centre, sigmas)).clipLowerAtZero();
    }

    /** Between-subgroup spread of the z-scores, from the baseline points only. */
    static double sigmaZ(PartData data, double centre, double[] sigmas) {
        double[] z = new double[data.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (data.y()[i] - centre) / sigmas[i];
        }
        double[] baseZ = RStats.select(z, data.base());
        return data.averageMovingRange(RStats.absDiff(baseZ)) / IndividualsLimits.D2;
    }

    private static double[] adjusted(PartData data, double centre, double[] sigmas) {
        double factor = sigmaZ(data, centre, sigmas);
        double[] scaled = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            scaled[i] = sigmas[i] * factor;
        }
        return scaled;
    }
}
