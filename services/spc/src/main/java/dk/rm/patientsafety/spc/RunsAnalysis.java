package dk.rm.patientsafety.spc;

/**
 * The Anhøj rules for one phase. When no point lies off the centre line ({@code usefulObservations == 0})
 * qicharts2 reports {@code NA} for the run and crossing figures and no signal; this record then holds 0
 * in {@code longestRun}, {@code longestRunLimit}, {@code crossings} and {@code crossingsLimit}.
 *
 * @param part               one-based phase number
 * @param usefulObservations points not on the centre line and not missing
 * @param longestRun         longest run of consecutive useful points on one side of the centre line
 * @param longestRunLimit    a longer run than this signals: round(log2(n)) + 3
 * @param crossings          how often the useful points cross the centre line
 * @param crossingsLimit     fewer crossings than this signal: 5th percentile of Binomial(n − 1, ½)
 * @param runsSignal         either rule signals (always false for MR charts, as in qicharts2)
 */
public record RunsAnalysis(int part, int usefulObservations, int longestRun, int longestRunLimit, int crossings,
                           int crossingsLimit, boolean runsSignal) {

    /** False when every point is missing or on the centre line, so the rules could not be applied. */
    public boolean analysed() {
        return usefulObservations > 0;
    }

    public boolean longRunSignal() {
        return analysed() && longestRun > longestRunLimit;
    }

    public boolean fewCrossingsSignal() {
        return analysed() && crossings < crossingsLimit;
    }
}
