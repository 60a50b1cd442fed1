package dk.rm.patientsafety.privacy;

import java.util.ArrayList;
import java.util.List;

/** Digits glued together are one number; a short run of separators joins two numbers. */
final class DigitGroups {

    /** One run of digits: where it sits in the text (char indices) and its digits as ASCII. */
    record Group(int start, int end, String digits, boolean joinedToNext) {
        int length() {
            return digits.length();
        }
    }

    // Separators are short on purpose: a longer gap, or any other character, makes the digits separate numbers.
    static final int MAX_VISIBLE = 6;
    /** Invisible characters do not count as visible ones, but a run longer than this is not a separator. */
    private static final int MAX_RUN = 24;

    private DigitGroups() {
    }

    static List<Group> of(String text) {
        List<int[]> spans = new ArrayList<>();
        List<String> digits = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            StringBuilder run = new StringBuilder();
            while (i < text.length() && isDigit(cp = text.codePointAt(i))) {
                run.append((char) ('0' + Character.digit(cp, 10)));
                i += Character.charCount(cp);
            }
            spans.add(new int[] {start, i});
            digits.add(run.toString());
        }
        List<Group> groups = new ArrayList<>(spans.size());
        for (int g = 0; g < spans.size(); g++) {
            boolean joined = g + 1 < spans.size() && isSeparator(text, spans.get(g)[1], spans.get(g + 1)[0]);
            groups.add(new Group(spans.get(g)[0], spans.get(g)[1], digits.get(g), joined));
        }
        return groups;
    }

    /** Any Unicode decimal digit: full-width and other scripts' digits hide a CPR number just as well. */
    static boolean isDigit(int codePoint) {
        return Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * A short run of separators: at most {@value #MAX_VISIBLE} visible ones (spaces of every kind, line breaks, dashes,
     * dots, slashes, underscores, commas, colons, plus, bar ...) in any mix and order, and any number of invisible format
     * characters (zero-width space, joiners, soft hyphen, direction marks), which a copy from another program or a
     * hostile sender slips in. A letter, a digit or anything else makes the digits separate numbers.
     */
    static boolean isSeparator(String text, int from, int to) {
        if (from >= to || to - from > MAX_RUN) {
            return false;
        }
        int visible = 0;
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (!isSpace(cp) && !isMark(cp)) {
                return false;
            }
            visible++;
        }
        return visible <= MAX_VISIBLE;
    }

    /** The field without the separators, spaces and invisible characters around it. */
    static String trimSeparators(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && isBlank(field.codePointAt(start))) {
            start += Character.charCount(field.codePointAt(start));
        }
        while (end > start && isBlank(field.codePointBefore(end))) {
            end -= Character.charCount(field.codePointBefore(end));
        }
        return field.substring(start, end);
    }

    private static boolean isBlank(int cp) {
        return isSpace(cp) || isInvisible(cp);
    }

    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\u0085';
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        if (type == Character.DASH_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION) {
            return true; // every dash and hyphen, underscore and its full-width forms
        }
        return switch (cp) {
            case '.', ',', '/', '\\', ':', ';', '+', '|', '*', '#', '~', '\'', '\u00B7', '\u2212', '\u2215', '\u2044',
                    '\uFE52', '\uFE55', '\uFF0B', '\uFF0C', '\uFF0E', '\uFF0F', '\uFF1A', '\uFF3C', '\uFF5C' -> true;
            default -> false;
        };
    }
}
