package dk.rm.patientsafety.tabular;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header row: column names matched without regard to case, spaces, hyphens and underscores, so
 * {@code source_id}, {@code Source ID} and {@code sourceId} name the same column.
 */
public final class CsvHeader {

    private final Map<String, Integer> indexByKey;
    private final int size;

    private CsvHeader(Map<String, Integer> indexByKey, int size) {
        this.indexByKey = indexByKey;
        this.size = size;
    }

    /**
     * Reads the header row and checks it against the columns a format knows and requires. Unknown columns are
     * an error rather than ignored: a misspelt {@code patient_cpr} would otherwise drop data unnoticed.
     */
    static CsvHeader of(List<String> names, Collection<String> known, Collection<String> required) throws CsvException {
        Map<String, String> knownByKey = new HashMap<>();
        known.forEach(column -> knownByKey.put(key(column), column));
        Map<String, Integer> indexByKey = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        Set<String> duplicate = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            String key = key(names.get(i));
            String column = knownByKey.get(key);
            if (column == null) {
                // a column name is a label, not patient data; still, cut it short
                unknown.add(abbreviate(names.get(i).strip()));
            } else if (indexByKey.putIfAbsent(key, i) != null) {
                duplicate.add(column);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("unknown column(s) " + unknown);
        }
        if (!duplicate.isEmpty()) {
            problems.add("column(s) given twice " + duplicate);
        }
        Set<String> missing = new TreeSet<>();
        required.stream().filter(column -> !indexByKey.containsKey(key(column))).forEach(missing::add);
        if (!missing.isEmpty()) {
            problems.add("missing required column(s) " + missing);
        }
        if (!problems.isEmpty()) {
            throw new CsvException("Header row: " + String.join("; ", problems) + ". Known columns: " + String.join(", ", known)
                    + " (is the delimiter right?)");
        }
        return new CsvHeader(Map.copyOf(indexByKey), names.size());
    }

    public int size() {
        return size;
    }

    public boolean has(String column) {
        return indexByKey.containsKey(key(column));
    }

    int indexOf(String column) {
        return indexByKey.getOrDefault(key(column), -1);
    }

    public static String key(String name) {
        return name.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
