package dk.rm.patientsafety.privacy;

import java.util.ArrayList;
import java.util.List;

/** Digits glued together are one number; a short run of spaces with at most one dash or dot joins two numbers. */
final class DigitGroups {

    /** One run of digits: where it sits in the text (char indices) and its digits as ASCII. */
    record Group(int start, int end, String digits, boolean joinedToNext) {
        int length() {
            return digits.length();
        }
    }

    // Separators are short on purpose: a longer gap, or any other character, makes the digits separate numbers.
    private static final int MAX_SPACES = 4;

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

    /** At most four spaces or line breaks (CRLF counts two) and at most one dash or dot, in any order; nothing else. */
    static boolean isSeparator(String text, int from, int to) {
        if (from >= to || to - from > MAX_SPACES + 1) {
            return false;
        }
        int spaces = 0;
        int marks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                spaces++;
            } else if (isMark(c)) {
                marks++;
            } else {
                return false;
            }
        }
        return spaces <= MAX_SPACES && marks <= 1;
    }

    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '\u00A0', '\u2007', '\u2009', '\u200A', '\u202F', '\u3000' -> true;
            default -> false;
        };
    }

    static boolean isMark(char c) {
        return switch (c) {
            // hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, small/full-width forms
            case '-', '.', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212',
                    '\uFE58', '\uFE63', '\uFF0D', '\uFF0E' -> true;
            default -> false;
        };
    }
}
