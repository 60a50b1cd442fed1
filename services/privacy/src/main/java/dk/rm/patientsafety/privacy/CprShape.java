package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.privacy.DigitGroups.Group;

import java.util.List;

/**
 * A CPR number is a plausible date DDMMYY or DDMMCCYY (century 18, 19 or 20) and four digits, split only after the day,
 * the month or the year; never checked by modulus 11.
 *
 * <p>Numbers issued since 2007 may fail the modulus-11 check, so it would let real numbers through.
 */
final class CprShape {

    static final int DIGITS = 10;
    /** With a four-digit year. */
    static final int LONG_DIGITS = 12;
    /** Up to two digits glued to a CPR number are still redacted with it; at 13 the run is a code (SOR, GLN). */
    static final int MAX_GLUED_RUN = 12;
    /** Four groups at most: DD, MM, YY and the serial. */
    static final int MAX_GROUPS = 4;

    private CprShape() {
    }

    /** Groups {@code from .. from+count-1}, if they are joined by separators, are exactly one CPR number. */
    static boolean isExact(List<Group> groups, int from, int count) {
        if (!isJoined(groups, from, count)) {
            return false;
        }
        int total = totalDigits(groups, from, count);
        if (total == DIGITS) {
            return windowAt(groups, from, count, 0);
        }
        return total == LONG_DIGITS && isLongForm(groups, from, count);
    }

    /** DDMMCCYY and the serial, split only after DD, MM or CCYY. */
    private static boolean isLongForm(List<Group> groups, int from, int count) {
        String digits = splitOnlyAt(groups, from, count, 0, 2, 4, 8);
        if (digits == null) {
            return false;
        }
        int century = (digits.charAt(4) - '0') * 10 + (digits.charAt(5) - '0');
        return isPlausibleDate(digits, 0) && century >= 18 && century <= 20;
    }

    /** The ten digits a structured field keeps: DDMMYY and the serial, whichever year form was written. */
    static String tenDigits(String digits) {
        return digits.length() == LONG_DIGITS ? digits.substring(0, 4) + digits.substring(6) : digits;
    }

    /**
     * Groups {@code from .. from+count-1} hold a CPR number with one or two extra digits glued to its first or last
     * group: a mistyped number, or a CPR number run into another figure. Either way it is redacted whole.
     */
    static boolean isGlued(List<Group> groups, int from, int count) {
        if (!isJoined(groups, from, count)) {
            return false;
        }
        int total = totalDigits(groups, from, count);
        if (total <= DIGITS || total > MAX_GLUED_RUN) {
            return false;
        }
        for (int offset = 0; offset <= total - DIGITS; offset++) {
            if (windowAt(groups, from, count, offset)) {
                return true;
            }
        }
        return false;
    }

    /** The ten digits starting {@code offset} digits into the groups: a plausible date, every split after DD, MM or YY. */
    private static boolean windowAt(List<Group> groups, int from, int count, int offset) {
        String digits = splitOnlyAt(groups, from, count, offset, 2, 4, 6);
        return digits != null && digits.length() >= offset + DIGITS && isPlausibleDate(digits, offset);
    }

    /**
     * The groups' digits joined, if every split between them falls, counted from {@code offset} digits in, at one of
     * {@code splits}; null otherwise.
     */
    private static String splitOnlyAt(List<Group> groups, int from, int count, int offset, int... splits) {
        StringBuilder digits = new StringBuilder();
        for (int g = from; g < from + count; g++) {
            if (g > from) {
                int split = digits.length() - offset;
                boolean allowed = false;
                for (int at : splits) {
                    allowed |= at == split;
                }
                if (!allowed) {
                    return null;
                }
            }
            digits.append(groups.get(g).digits());
        }
        return digits.toString();
    }

    /** Day 01-31 and month 01-12; any year, and no check of the day against the month, to err towards redaction. */
    static boolean isPlausibleDate(CharSequence digits, int at) {
        int day = (digits.charAt(at) - '0') * 10 + (digits.charAt(at + 1) - '0');
        int month = (digits.charAt(at + 2) - '0') * 10 + (digits.charAt(at + 3) - '0');
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    static int totalDigits(List<Group> groups, int from, int count) {
        int total = 0;
        for (int g = from; g < from + count; g++) {
            total += groups.get(g).length();
        }
        return total;
    }

    private static boolean isJoined(List<Group> groups, int from, int count) {
        if (from + count > groups.size()) {
            return false;
        }
        for (int g = from; g < from + count - 1; g++) {
            if (!groups.get(g).joinedToNext()) {
                return false;
            }
        }
        return true;
    }
}
