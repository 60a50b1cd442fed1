package dk.rm.patientsafety.platform;

import java.util.List;
import java.util.Random;

/** CPR numbers as people write them: with or without dash, with spaces or dots, glued to words, at line ends. */
final class CprForms {

    private static final List<String> SEPARATED = List.of("%s%s%s-%s", "%s%s%s%s", "%s%s%s %s", "%s.%s.%s-%s", "%s %s %s %s",
            "%s.%s.%s %s", "%s%s%s\u2013%s", "%s%s%s\u00a0%s");
    private static final List<String> CONTEXTS = List.of("pt. %s", "cpr%s", "CPR:%s,", "(%s)", "\"%s\"", "%s.", "nr.%s;", "%s\n");

    private CprForms() {
    }

    /** A CPR number with a random plausible date and serial (modulus 11 not respected), in a random written form. */
    static String any(Random random) {
        String day = two(1 + random.nextInt(28));
        String month = two(1 + random.nextInt(12));
        String year = two(random.nextInt(100));
        String serial = String.format("%04d", random.nextInt(10_000));
        String number = String.format(SEPARATED.get(random.nextInt(SEPARATED.size())), day, month, year, serial);
        return String.format(CONTEXTS.get(random.nextInt(CONTEXTS.size())), number);
    }

    /** A structured patient field: the number alone, in one of the forms a CPR field may take. */
    static String structured(Random random) {
        String digits = two(1 + random.nextInt(28)) + two(1 + random.nextInt(12)) + two(random.nextInt(100))
                + String.format("%04d", random.nextInt(10_000));
        return random.nextBoolean() ? digits : digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** A few lines of Danish report text with CPR numbers here and there. */
    static String text(Random random) {
        return "Patienten " + any(random) + " blev forvekslet med\nmedpatient " + any(random)
                + " ved medicinrunden.\nOpdaget af aftenvagt, journal for " + any(random);
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
