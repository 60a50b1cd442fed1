package dk.rm.patientsafety.spc;

/**
 * U and P charts: CL = Σy / Σn over the baseline, σᵢ = √(CL / nᵢ) for rates and √(CL(1 − CL) / nᵢ) for
 * proportions, limits CL ± 3σᵢ clipped to [0, ∞) or [0, 1].
 */
final class RateLimits {

    private RateLimits() {
    }

    /** One division of the sums, as qicharts2 does, so a point y / n equal to the ratio ties exactly. */
    static double centreLine(PartData data) {
        return RStats.sum(RStats.select(data.ySum(), data.base())) / RStats.sum(RStats.select(data.n(), data.base()));
    }

    static double[] rateSigmas(PartData data, double centre) {
        double[] sigmas = new double[data.size()];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = Math.sqrt(centre / data.n()[i]);
        }
        return sigmas;
    }

    static double[] proportionSigmas(PartData data, double centre) {
        double[] sigmas = new double[data.size()];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = Math.sqrt(centre * (1 - centre) / data.n()[i]);
        }
        return sigmas;
    }

    static PartLimits u(PartData data) {
        double centre = centreLine(data);
        return threeSigma(data.y(), centre, rateSigmas(data, centre)).clipLowerAtZero();
    }

    static PartLimits p(PartData data) {
        double centre = centreLine(data);
        return threeSigma(data.y(), centre, proportionSigmas(data, centre)).clipLowerAtZero().clipUpperAtOne();
    }

    static PartLimits threeSigma(double[] y, double centre, double[] sigmas) {
        double[] lower = new double[y.length];
        double[] upper = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            lower[i] = centre - 3 * sigmas[i];
            upper[i] = centre + 3 * sigmas[i];
        }
        return new PartLimits(y, centre, lower, upper);
    }
}
