package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.tabular.Cells;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads typed values from a row's cells, collecting an error per column that does not hold what it should. */
final class Row {

    /** 1234, or with Danish thousands separators: 1.234 or 1 234. */
    private static final Pattern WHOLE = Pattern.compile("\\d{1,3}(?:([. ])\\d{3})?(?:\\1\\d{3})*|\\d{1,15}");
    /** 0,875 or 0.875; 87,5 % or 87.5%. */
    private static final Pattern SHARE = Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*(%)?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** A name or code, never free text: letters, digits and the punctuation codes use. */
    static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/:()+-]{0,99}");
    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "true", "1", "sand");
    private static final Set<String> NO = Set.of("nej", "n", "no", "false", "0", "falsk");

    private final Function<String, String> cells;
    final List<ColumnError> errors = new ArrayList<>();

    Row(Function<String, String> cells) {
        this.cells = cells;
    }

    String text(String column, boolean required) {
        String value = cells.apply(column);
        if (value == null && required) {
            errors.add(new ColumnError(column, "is required"));
        }
        return value;
    }

    /** A name or code (source, indicator, pathway, question): never free text, so it cannot carry a narrative or a CPR number's context. */
    String identifier(String column, boolean required, String fallback) {
        String value = text(column, required);
        if (value == null) {
            return fallback;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            errors.add(new ColumnError(column, "is not a name or code (letters, digits, spaces and . _ / : ( ) + -, at most 100)"));
            return null;
        }
        return value;
    }

    String sorCode(String column) {
        String value = text(column, true);
        if (value != null && !value.matches("\\d{1,20}")) {
            errors.add(new ColumnError(column, "is not an SOR code (digits only)"));
            return null;
        }
        return value;
    }

    LocalDate date(String column, boolean required) {
        String value = text(column, required);
        if (value == null) {
            return null;
        }
        return Cells.date(value).map(LocalDate::parse).orElseGet(() -> {
            errors.add(new ColumnError(column, "is not a date (" + Cells.DATE_FORMS + ")"));
            return null;
        });
    }

    YearMonth month(String column) {
        String value = text(column, true);
        if (value == null) {
            return null;
        }
        try {
            if (MONTH.matcher(value).matches()) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // 2025-13
        }
        errors.add(new ColumnError(column, "is not a month of the form YYYY-MM"));
        return null;
    }

    Long whole(String column, boolean required) {
        String value = text(column, required);
        if (value == null) {
            return null;
        }
        Matcher whole = WHOLE.matcher(value);
        if (!whole.matches()) {
            errors.add(new ColumnError(column, "is not a whole number of at least 0"));
            return null;
        }
        return Long.parseLong(value.replace(".", "").replace(" ", ""));
    }

    /** A share in [0, 1], written as 0,875 or as 87,5 %. */
    Double share(String column) {
        String value = text(column, false);
        if (value == null) {
            return null;
        }
        Matcher share = SHARE.matcher(value);
        if (share.matches()) {
            double number = Double.parseDouble(share.group(1).replace(',', '.'));
            double fraction = share.group(2) == null ? number : number / 100;
            if (fraction <= 1) {
                return fraction;
            }
        }
        errors.add(new ColumnError(column, "is not a share (0,875 or 87,5 %)"));
        return null;
    }

    /** A decimal number (rates, measurements), with a decimal comma or point. */
    Double decimal(String column) {
        String value = text(column, false);
        if (value == null) {
            return null;
        }
        if (value.matches("-?\\d{1,15}(?:[.,]\\d+)?")) {
            return Double.parseDouble(value.replace(',', '.'));
        }
        errors.add(new ColumnError(column, "is not a number (decimal comma or point)"));
        return null;
    }

    Boolean yesNo(String column) {
        String value = text(column, false);
        if (value == null) {
            return null;
        }
        String normalised = value.toLowerCase(Locale.ROOT);
        if (YES.contains(normalised)) {
            return true;
        }
        if (NO.contains(normalised)) {
            return false;
        }
        errors.add(new ColumnError(column, "is not ja or nej"));
        return null;
    }

    void check(boolean condition, String column, String message) {
        if (!condition) {
            errors.add(new ColumnError(column, message));
        }
    }

    boolean clean() {
        return errors.isEmpty();
    }
}
