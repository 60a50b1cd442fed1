package dk.rm.patientsafety.tabular;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the forms values take in Danish spreadsheet exports into the forms intake's JSON API takes. */
public final class Cells {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** Danish day-first dates as Excel writes them: 04-03-2019, 4.3.2019, 04/03/2019. */
    private static final Pattern DANISH_DATE = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");
    /** 22:40, 9:05, 22.40 (the Danish way), 22:40:00. */
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?");

    public static final String DATE_FORMS = "YYYY-MM-DD or DD-MM-YYYY";

    private Cells() {
    }

    /** The date in ISO form (YYYY-MM-DD), or empty when the text is not a real date in one of {@link #DATE_FORMS}. */
    public static Optional<String> date(String text) {
        Matcher iso = ISO_DATE.matcher(text);
        Matcher danish = DANISH_DATE.matcher(text);
        try {
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))).toString());
            }
            if (danish.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(danish.group(3)), Integer.parseInt(danish.group(2)),
                        Integer.parseInt(danish.group(1))).toString());
            }
        } catch (DateTimeException e) {
            // 31-02-2019 and the like
        }
        return Optional.empty();
    }

    /** The time as HH:MM (seconds dropped), or empty when the text is not a time of day. */
    public static Optional<String> time(String text) {
        Matcher time = TIME.matcher(text);
        if (!time.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The symbol a text names: the symbol itself in any case (spaces and hyphens read as underscores), or one of
     * the Danish labels given.
     */
    public static <E extends Enum<E>> Optional<E> symbol(String text, Class<E> type, Map<String, E> danishLabels) {
        String normalised = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ");
        E labelled = danishLabels.get(normalised);
        if (labelled != null) {
            return Optional.of(labelled);
        }
        String name = normalised.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (E symbol : type.getEnumConstants()) {
            if (symbol.name().equals(name)) {
                return Optional.of(symbol);
            }
        }
        return Optional.empty();
    }
}
