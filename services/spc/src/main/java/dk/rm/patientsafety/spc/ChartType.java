package dk.rm.patientsafety.spc;

/** The charts of qicharts2 0.8.1 that this library reproduces; {@link #qicName()} is the name qicharts2 uses. */
public enum ChartType {
    /** Run chart: median centre line, no limits, Anhøj rules only. */
    RUN("run", Denominators.OPTIONAL),
    /** Individuals (XmR) chart of measurements. */
    I("i", Denominators.OPTIONAL),
    /** Moving-range chart, companion of the I chart. */
    MR("mr", Denominators.OPTIONAL),
    /** Counts of events in equal areas of opportunity. */
    C("c", Denominators.NONE),
    /** Rates: events per unit of exposure, e.g. incidents per bed-day. */
    U("u", Denominators.REQUIRED),
    /** Proportions: cases with the attribute out of cases seen. */
    P("p", Denominators.REQUIRED),
    /** Laney's P′ chart for proportions with very large denominators. */
    P_PRIME("pp", Denominators.REQUIRED),
    /** Laney's U′ chart for rates with very large denominators. */
    U_PRIME("up", Denominators.REQUIRED),
    /** Opportunities (e.g. days or cases) between rare events. */
    G("g", Denominators.NONE),
    /** Time between rare events. */
    T("t", Denominators.NONE);

    /** Whether a chart plots y or y / n. */
    public enum Denominators { NONE, OPTIONAL, REQUIRED }

    private final String qicName;
    private final Denominators denominators;

    ChartType(String qicName, Denominators denominators) {
        this.qicName = qicName;
        this.denominators = denominators;
    }

    /** The value of qicharts2's {@code chart} argument. */
    public String qicName() {
        return qicName;
    }

    public Denominators denominators() {
        return denominators;
    }

    /** Looks a chart up by its qicharts2 name, e.g. {@code "pp"}. */
    public static ChartType fromQicName(String name) {
        for (ChartType type : values()) {
            if (type.qicName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown qicharts2 chart name: " + name);
    }
}
