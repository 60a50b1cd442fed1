package dk.rm.patientsafety.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts below five are not published ({@link Visibility#BELOW_FIVE}, shown as "&lt;5"), and more are hidden
 * ({@link Visibility#HIDDEN}) until no unpublished count can be worked out from the others and the total by
 * subtraction: complementary suppression for a total and its breakdowns (by type, by severity), each of which sums to it.
 *
 * <p>The check assumes a reader who knows these rules: a "&lt;5" is 0 to 4, a hidden count at least 5. Bounds are
 * narrowed from every breakdown's sum until nothing changes, and a count whose bounds meet is disclosed. Until none is,
 * the smallest published count of the breakdown at fault is hidden, or the total when a breakdown has none left.
 */
public final class SmallCellSuppression {

    public static final int THRESHOLD = 5;
    /** What a reader can assume of a hidden count's upper end: nothing. */
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    /** What may be published of one count. */
    public enum Visibility { SHOWN, BELOW_FIVE, HIDDEN }

    /** A total and its breakdowns; each breakdown's counts sum to the total. */
    public record Table(int total, List<List<Integer>> breakdowns) {
        public Table {
            breakdowns = breakdowns.stream().map(List::copyOf).toList();
            for (List<Integer> breakdown : breakdowns) {
                if (breakdown.stream().mapToInt(Integer::intValue).sum() != total || breakdown.stream().anyMatch(c -> c < 0)) {
                    throw new IllegalArgumentException("a breakdown must be counts that sum to the total");
                }
            }
        }
    }

    /** What may be published of the total and of each count, in the table's order. */
    public record Published(Visibility total, List<List<Visibility>> breakdowns) {
    }

    /** A reader's bounds on one count, inclusive. */
    public record Bounds(long low, long high) {
        boolean disclosed() {
            return low == high;
        }
    }

    private SmallCellSuppression() {
    }

    public static Published suppress(Table table) {
        Visibility total = table.total() < THRESHOLD ? Visibility.BELOW_FIVE : Visibility.SHOWN;
        List<List<Visibility>> cells = new ArrayList<>();
        for (List<Integer> breakdown : table.breakdowns()) {
            cells.add(new ArrayList<>(breakdown.stream().map(c -> c < THRESHOLD ? Visibility.BELOW_FIVE : Visibility.SHOWN).toList()));
        }
        while (true) {
            Published published = new Published(total, cells);
            int atFault = breakdownWithADisclosure(table, published);
            if (atFault < 0) {
                return new Published(total, cells.stream().map(List::copyOf).toList());
            }
            int smallest = smallestShown(table, cells, atFault);
            if (smallest >= 0) {
                cells.get(atFault).set(smallest, Visibility.HIDDEN);
            } else if (total == Visibility.SHOWN) {
                total = Visibility.HIDDEN;
            } else {
                // The total is unpublished and recovered from another breakdown: hide the smallest count left anywhere.
                int other = -1;
                for (int b = 0; b < cells.size() && other < 0; b++) {
                    if (smallestShown(table, cells, b) >= 0) {
                        other = b;
                    }
                }
                if (other < 0) {
                    throw new IllegalStateException("nothing left to hide, and a count is still disclosed");
                }
                cells.get(other).set(smallestShown(table, cells, other), Visibility.HIDDEN);
            }
        }
    }

    /**
     * What a reader who knows the rules can work out of each count from what is published: the total's bounds first,
     * then each breakdown's counts' bounds.
     */
    public static List<List<Bounds>> bounds(Table table, Published published) {
        long[] total = start(table.total(), published.total());
        List<long[][]> cells = new ArrayList<>();
        for (int b = 0; b < table.breakdowns().size(); b++) {
            List<Integer> breakdown = table.breakdowns().get(b);
            long[][] bounds = new long[breakdown.size()][];
            for (int i = 0; i < breakdown.size(); i++) {
                bounds[i] = start(breakdown.get(i), published.breakdowns().get(b).get(i));
            }
            cells.add(bounds);
        }
        boolean changed = true;
        for (int round = 0; changed && round < 1_000; round++) {
            changed = false;
            for (long[][] breakdown : cells) {
                long lowSum = 0;
                long highSum = 0;
                for (long[] cell : breakdown) {
                    lowSum += cell[0];
                    highSum = Math.min(UNBOUNDED, highSum + cell[1]);
                }
                changed |= narrow(total, lowSum, highSum);
                for (long[] cell : breakdown) {
                    long othersLow = lowSum - cell[0];
                    long othersHigh = highSum >= UNBOUNDED ? UNBOUNDED : highSum - cell[1];
                    changed |= narrow(cell, total[0] - othersHigh, total[1] - othersLow);
                }
            }
        }
        List<List<Bounds>> result = new ArrayList<>();
        result.add(List.of(new Bounds(total[0], total[1])));
        for (long[][] breakdown : cells) {
            List<Bounds> row = new ArrayList<>();
            for (long[] cell : breakdown) {
                row.add(new Bounds(cell[0], cell[1]));
            }
            result.add(row);
        }
        return result;
    }

    /** The first breakdown holding an unpublished count that is disclosed, or -1; a disclosed total blames breakdown 0's peers. */
    private static int breakdownWithADisclosure(Table table, Published published) {
        List<List<Bounds>> bounds = bounds(table, published);
        boolean totalDisclosed = published.total() != Visibility.SHOWN && bounds.get(0).get(0).disclosed();
        for (int b = 0; b < table.breakdowns().size(); b++) {
            List<Visibility> visibility = published.breakdowns().get(b);
            for (int i = 0; i < visibility.size(); i++) {
                if (visibility.get(i) != Visibility.SHOWN && bounds.get(b + 1).get(i).disclosed()) {
                    return b;
                }
            }
        }
        if (totalDisclosed) {
            // Recovered from a breakdown that is published whole: that one must give something up.
            for (int b = 0; b < table.breakdowns().size(); b++) {
                if (published.breakdowns().get(b).stream().allMatch(v -> v == Visibility.SHOWN)) {
                    return b;
                }
            }
            return 0;
        }
        return -1;
    }

    private static int smallestShown(Table table, List<List<Visibility>> cells, int breakdown) {
        int smallest = -1;
        for (int i = 0; i < cells.get(breakdown).size(); i++) {
            if (cells.get(breakdown).get(i) == Visibility.SHOWN
                    && (smallest < 0 || table.breakdowns().get(breakdown).get(i) < table.breakdowns().get(breakdown).get(smallest))) {
                smallest = i;
            }
        }
        return smallest;
    }

    private static long[] start(int value, Visibility visibility) {
        return switch (visibility) {
            case SHOWN -> new long[] {value, value};
            case BELOW_FIVE -> new long[] {0, THRESHOLD - 1};
            case HIDDEN -> new long[] {THRESHOLD, UNBOUNDED};
        };
    }

    private static boolean narrow(long[] bounds, long low, long high) {
        boolean changed = false;
        if (low > bounds[0]) {
            bounds[0] = low;
            changed = true;
        }
        if (high < bounds[1]) {
            bounds[1] = high;
            changed = true;
        }
        return changed;
    }
}
