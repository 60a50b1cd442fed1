package dk.rm.patientsafety.spc;

/**
 * T chart: times between events are transformed by y^(1/3.6) to near-normality, charted as an I chart with
 * screening, and centre line and limits are transformed back by ^3.6; a lower limit below 0 or undefined becomes 0.
 */
final class TTransform {

    static final double EXPONENT = 3.6;

    private TTransform() {
    }

    static PartLimits compute(PartData data) {
        PartLimits transformed = IndividualsLimits.compute(data.withY(power(data.y(), 1 / EXPONENT)));
        double[] lower = power(transformed.lower(), EXPONENT);
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] < 0 || Double.isNaN(lower[i])) {
                lower[i] = 0;
            }
        }
        // The plotted points are the round trip (y^(1/3.6))^3.6, as in qicharts2, not the raw y.
        return new PartLimits(power(transformed.y(), EXPONENT), Math.pow(transformed.centreLine(), EXPONENT),
                lower, power(transformed.upper(), EXPONENT));
    }

    private static double[] power(double[] values, double exponent) {
        double[] powered = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            powered[i] = Math.pow(values[i], exponent);
        }
        return powered;
    }
}
