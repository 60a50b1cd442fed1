package dk.rm.patientsafety.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, deliberately looser test oracle: ten digits in 2-2-2-4 order with any short run of spaces, dashes
 * or dots between the parts, starting with a day and a month. It shares no code with the redactor.
 */
final class StrictCprDetector {

    private static final String SEP = "[\\s\\u00A0\\u2007-\\u200A\\u202F\\u2010-\\u2015\\u2212.\\-]{0,7}";
    private static final Pattern CPR_LIKE = Pattern.compile(
            "(?<!\\d)(\\d{2})" + SEP + "(\\d{2})" + SEP + "\\d{2}" + SEP + "\\d{4}(?!\\d)");

    private StrictCprDetector() {
    }

    /** Every CPR-like stretch; full-width and other compatibility digits are folded to ASCII first. */
    static List<String> find(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
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
}
