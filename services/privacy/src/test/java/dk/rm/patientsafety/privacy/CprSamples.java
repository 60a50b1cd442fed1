package dk.rm.patientsafety.privacy;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** Random CPR numbers in every written form the redactor must catch, and random Danish text around them. */
final class CprSamples {

    /** Separators between YY and SSSS (or inside, for the split forms). */
    static final List<String> SERIAL_SEPARATORS = List.of("-", " ", ".", "\u2013", "\u2014", "\u00A0", "\u2009", "\u202F",
            " - ", " -", "- ", "-\r\n", "\r\n", "\n", "\u2011", "\u2212", "  ");
    static final List<String> DATE_SEPARATORS = List.of(" ", ".", "-", "\u00A0", "\u2009", ". ");

    /** How a CPR number's ten digits are written. */
    static final List<BiFunction<String, Random, String>> FORMS = List.of(
            (d, r) -> d,                                                                        // DDMMYYSSSS
            (d, r) -> d.substring(0, 6) + pick(r, SERIAL_SEPARATORS) + d.substring(6),          // DDMMYY-SSSS
            (d, r) -> d.substring(0, 2) + pick(r, DATE_SEPARATORS) + d.substring(2, 4) + pick(r, DATE_SEPARATORS)
                    + d.substring(4, 6) + pick(r, SERIAL_SEPARATORS) + d.substring(6),             // DD MM YY SSSS
            (d, r) -> d.substring(0, 4) + pick(r, DATE_SEPARATORS) + d.substring(4, 6) + pick(r, SERIAL_SEPARATORS)
                    + d.substring(6),                                                           // DDMM YY-SSSS
            (d, r) -> fullWidth(d.substring(0, 6) + "-" + d.substring(6)));                     // full-width digits

    static final List<String> PREFIXES = List.of("", " ", "cpr", "CPR:", "CPR: ", "cpr.nr. ", "Cpr-nr.", "pt.", "(", "\"",
            "\u201E", "\u00AB", "'", "[", "nr.", "\n", "\r\n", "\t", "personnummer ");
    static final List<String> SUFFIXES = List.of("", " ", ",", ".", ":", ";", ")", "\"", "\u201C", "\u00BB", "'", "]",
            "\n", "\r\n", "!", "?", "-", "/");

    private static final List<String> DRUGS = List.of("paracetamol", "heparin", "Marevan", "insulin", "morfin", "zopiclon",
            "furosemid", "kaliumklorid", "metformin", "Eliquis");
    private static final List<String> ATC = List.of("N02BE01", "B01AB01", "B01AA03", "A10AB05", "N02AA01", "N05CF01",
            "C03CA01", "A12BA01", "A10BA02", "B01AF02");
    private static final List<String> WARDS = List.of("afsnit B3", "akutmodtagelsen", "intensiv", "ortopædkirurgisk afsnit",
            "medicinsk afdeling", "operationsgangen", "hjemmeplejen", "fødegangen");

    private CprSamples() {
    }

    /** Ten digits with a plausible date (day 01-31, month 01-12) and a random serial; mod 11 is not considered. */
    static String randomCpr(Random r) {
        return "%02d%02d%02d%04d".formatted(1 + r.nextInt(31), 1 + r.nextInt(12), r.nextInt(100), r.nextInt(10000));
    }

    /** A number that passes the old modulus-11 check, to show both kinds are treated alike. */
    static String randomMod11Cpr(Random r) {
        while (true) {
            String cpr = randomCpr(r);
            if (passesMod11(cpr)) {
                return cpr;
            }
        }
    }

    static boolean passesMod11(String digits) {
        int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }

    static String write(String digits, Random r) {
        return pick(r, FORMS).apply(digits, r);
    }

    static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('\uFF10' + (c - '0')) : c == '-' ? '\uFF0D' : c);
        }
        return out.toString();
    }

    /**
     * A Danish sentence full of numbers that are not CPR numbers (doses, times, dates, SOR codes, phone numbers, ATC
     * codes, blood pressure). It starts with a letter and ends with a word and a full stop, so glued CPR numbers stay
     * separate numbers.
     */
    static String filler(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> "Patienten faldt på toilettet om natten og slog hovedet.";
            case 1 -> "Fik %d mg %s kl. %02d:%02d som ordineret.".formatted(1 + r.nextInt(1000), pick(r, DRUGS), r.nextInt(24), r.nextInt(60));
            case 2 -> "SOR-kode %s blev angivet for %s.".formatted(sor(r), pick(r, WARDS));
            case 3 -> "Pårørende ringede på %s kl. %02d.%02d i går.".formatted(phone(r), r.nextInt(24), r.nextInt(60));
            case 4 -> "Prøven blev taget %02d.%02d.%02d og igen %d/%d-%d på %s.".formatted(1 + r.nextInt(31), 1 + r.nextInt(12),
                    r.nextInt(100), 1 + r.nextInt(31), 1 + r.nextInt(12), 2000 + r.nextInt(30), pick(r, WARDS));
            case 5 -> "Behandlet med %s i %d dage uden effekt.".formatted(pick(r, ATC), 1 + r.nextInt(30));
            case 6 -> "Blodtryk %d/%d og puls %d i hvile.".formatted(90 + r.nextInt(100), 50 + r.nextInt(50), 40 + r.nextInt(120));
            case 7 -> "Der blev givet %d ml NaCl over %d timer på %s.".formatted(10 * (1 + r.nextInt(100)), 1 + r.nextInt(24), pick(r, WARDS));
            case 8 -> "Ordineret %d x %d mg %s dagligt.".formatted(1 + r.nextInt(4), 5 * (1 + r.nextInt(200)), pick(r, DRUGS));
            case 9 -> "Lokationsnummer %s og tlf. %s blev noteret i journalen.".formatted(sor(r), phone(r));
            case 10 -> "Hb %d,%d mmol/l og CRP %d ved indlæggelsen.".formatted(4 + r.nextInt(8), r.nextInt(10), r.nextInt(300));
            case 11 -> "Indlagt %02d.%02d.%d kl. %02d:%02d via %s.".formatted(1 + r.nextInt(31), 1 + r.nextInt(12), 1990 + r.nextInt(40),
                    r.nextInt(24), r.nextInt(60), pick(r, WARDS));
            case 12 -> "Stuegang på stue %d seng %d blev udsat.".formatted(1 + r.nextInt(40), 1 + r.nextInt(4));
            default -> "Hændelsen blev drøftet på tavlemødet.";
        };
    }

    /** SOR/GLN-like codes: 13 to 18 digits, which must survive although ten of them often look like a CPR number. */
    static String sor(Random r) {
        StringBuilder code = new StringBuilder().append(1 + r.nextInt(9));
        int length = 13 + r.nextInt(6);
        while (code.length() < length) {
            code.append(r.nextInt(10));
        }
        return code.toString();
    }

    /** Danish phone numbers in the usual written forms. */
    static String phone(Random r) {
        String d = (2 + r.nextInt(8)) + "%07d".formatted(r.nextInt(10_000_000));
        return switch (r.nextInt(6)) {
            case 0 -> d;
            case 1 -> d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6);
            case 2 -> d.substring(0, 4) + " " + d.substring(4);
            case 3 -> "+45 " + d;
            case 4 -> "+45 " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6);
            default -> "0045 " + d.substring(0, 4) + " " + d.substring(4);
        };
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
