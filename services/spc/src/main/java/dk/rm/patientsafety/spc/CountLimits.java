package dk.rm.patientsafety.spc;

/** C chart: CL = mean count, limits CL ± 3√CL, lower limit clipped at 0. */
final class CountLimits {

    private CountLimits() {
    }

    static PartLimits compute(PartData data) {
        double centre = RStats.mean(data.baseY());
        double sigma = Math.sqrt(centre);
        return PartLimits.constant(data.y(), centre, centre - 3 * sigma, centre + 3 * sigma).clipLowerAtZero();
    }
}
