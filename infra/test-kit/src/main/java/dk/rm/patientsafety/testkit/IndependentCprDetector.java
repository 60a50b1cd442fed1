package dk.rm.patientsafety.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, deliberately looser test oracle for CPR numbers, sharing no code with the redactor: digits of any
 * script are folded to ASCII and format characters dropped, then a day, a month, a two- or four-digit year and four
 * digits, in that order, with up to eight characters that are neither letters nor digits between the parts.
 */
public final class IndependentCprDetector {

    private static final String SEP = "[^\\p{L}\\p{N}]{0,8}";
    private static final Pattern CPR_LIKE = Pattern.compile(
            "(?<!\\d)(\\d{2})" + SEP + "(\\d{2})" + SEP + "(?:\\d{2}|(?:18|19|20)\\d{2})" + SEP + "\\d{4}(?!\\d)");

    private IndependentCprDetector() {
    }

    /** Every CPR-like stretch in the text. */
    public static List<String> find(String text) {
        String folded = fold(text);
        Matcher m = CPR_LIKE.matcher(folded);
        List<String> found = new ArrayList<>();
        int from = 0;
        while (from < folded.length() && m.find(from)) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                found.add(m.group());
                from = m.end();
            } else {
                from = m.start() + 1; // "45 0101901234": a phone prefix must not hide the number after it
            }
        }
        return found;
    }

    /** Digits of every script become ASCII; format characters (zero-width and the like) are dropped. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else if (Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
