package dk.rm.patientsafety.taxonomy;

/**
 * One rule that fired: which rule, on which field, on which words or code, and what it added to its type's score.
 *
 * @param rule    {@code <TYPE>:<family>:<pattern>}, e.g. {@code PATIENT_ACCIDENT_FALL:stem:fald},
 *                {@code MEDICATION:atc:*}, {@code BLOOD_PRODUCTS:atc:B05A}, {@code MEDICAL_DEVICE:device:*},
 *                {@code PRESSURE_ULCER:mainGroup:tryksår}; the type is the part before the first colon
 * @param source  {@code headline}, {@code description}, {@code atcCode}, {@code device} or {@code mainGroup}
 * @param matched the words as written in the report (comma-separated if the rule fired more than once), or the code
 * @param weight  what this evidence added to its type's score (scores are the sums of these), after the headline
 *                multiplier, the compound-modifier share and the type's precedence; for negated evidence the
 *                configured negated share of that (zero or negative)
 * @param negated true if the words stood in the scope of a negation ("ingen tegn på infektion")
 */
public record Evidence(String rule, String source, String matched, double weight, boolean negated) {

    public static final String HEADLINE = "headline";
    public static final String DESCRIPTION = "description";
    public static final String ATC_CODE = "atcCode";
    public static final String DEVICE = "device";
    public static final String MAIN_GROUP = "mainGroup";

    /** The type this evidence counts for: the rule name up to its first colon. */
    public IncidentType type() {
        return IncidentType.valueOf(rule.substring(0, rule.indexOf(':')));
    }

    static String ruleName(IncidentType type, String family, String pattern) {
        return type.name() + ":" + family + ":" + pattern;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %s '%s' %+.2f%s", rule, source, matched, weight,
                negated ? " (negated)" : "");
    }
}
