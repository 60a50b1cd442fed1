package dk.rm.patientsafety.privacy;

import dk.rm.patientsafety.privacy.DigitGroups.Group;

import java.util.List;
import java.util.Optional;

/** A structured CPR field holds one CPR number in any written form and nothing else; it is kept as its ten digits. */
public final class CprNumbers {

    /** Why a field is not a CPR number; the messages never repeat the value, so they can go into a 400 response. */
    public enum Problem {
        BLANK("is blank"),
        UNEXPECTED_CHARACTER("may contain only digits, with separators (space, dash, dot, slash ...) after the day, month or year"),
        WRONG_LENGTH("must have 10 digits (DDMMYY-SSSS), or 12 with a four-digit year (DDMMYYYY-SSSS)"),
        MISPLACED_SEPARATOR("may be split only after the day, the month or the year (DDMMYY-SSSS)"),
        NOT_A_DATE("does not start with a date (DDMMYY)");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Either the ten digits or the problem; exactly one is present. */
    public record Parsed(Optional<String> digits, Optional<Problem> problem) {
        static Parsed valid(String digits) {
            return new Parsed(Optional.of(digits), Optional.empty());
        }

        static Parsed invalid(Problem problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }

        public boolean isValid() {
            return digits.isPresent();
        }

        /** Keeps the digits out of logs and exception messages by accident. */
        @Override
        public String toString() {
            return isValid() ? "Parsed[valid]" : "Parsed[" + problem.get() + "]";
        }
    }

    private CprNumbers() {
    }

    public static Parsed parse(String field) {
        String value = field == null ? "" : DigitGroups.trimSeparators(field);
        if (value.isEmpty()) {
            return Parsed.invalid(Problem.BLANK);
        }
        List<Group> groups = DigitGroups.of(value);
        if (!onlyDigitsAndSeparators(value, groups)) {
            return Parsed.invalid(Problem.UNEXPECTED_CHARACTER);
        }
        int total = CprShape.totalDigits(groups, 0, groups.size());
        if (total != CprShape.DIGITS && total != CprShape.LONG_DIGITS) {
            return Parsed.invalid(Problem.WRONG_LENGTH);
        }
        String digits = String.join("", groups.stream().map(Group::digits).toList());
        if (!CprShape.isPlausibleDate(digits, 0)) {
            return Parsed.invalid(Problem.NOT_A_DATE);
        }
        if (groups.size() > CprShape.MAX_GROUPS || !CprShape.isExact(groups, 0, groups.size())) {
            return Parsed.invalid(Problem.MISPLACED_SEPARATOR);
        }
        return Parsed.valid(CprShape.tenDigits(digits));
    }

    /** The ten digits of the CPR number in a structured field, or empty if the field is not one. */
    public static Optional<String> normalise(String field) {
        return parse(field).digits();
    }

    public static boolean looksLikeCpr(String field) {
        return parse(field).isValid();
    }

    private static boolean onlyDigitsAndSeparators(String value, List<Group> groups) {
        if (groups.isEmpty() || groups.get(0).start() != 0 || groups.get(groups.size() - 1).end() != value.length()) {
            return false;
        }
        return groups.stream().limit(groups.size() - 1L).allMatch(Group::joinedToNext);
    }
}
