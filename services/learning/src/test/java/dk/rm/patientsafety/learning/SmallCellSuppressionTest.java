package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.learning.SmallCellSuppression.Published;
import dk.rm.patientsafety.learning.SmallCellSuppression.Table;
import dk.rm.patientsafety.learning.SmallCellSuppression.Visibility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dk.rm.patientsafety.learning.SmallCellSuppression.Visibility.BELOW_FIVE;
import static dk.rm.patientsafety.learning.SmallCellSuppression.Visibility.HIDDEN;
import static dk.rm.patientsafety.learning.SmallCellSuppression.Visibility.SHOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCellSuppressionTest {

    @Test
    void countsOfFiveAndMoreArePublishedAsTheyAre() {
        Published published = SmallCellSuppression.suppress(new Table(17, List.of(List.of(5, 12), List.of(17))));
        assertEquals(new Published(SHOWN, List.of(List.of(SHOWN, SHOWN), List.of(SHOWN))), published);
    }

    @Test
    void aSmallCountIsNotLeftAloneWhereTheTotalLessTheOthersWouldGiveIt() {
        // 12 in all, 8 of one type: the 4 would be 12 - 8.
        Published published = SmallCellSuppression.suppress(new Table(12, List.of(List.of(8, 4))));
        assertEquals(List.of(HIDDEN, BELOW_FIVE), published.breakdowns().get(0));
        assertEquals(SHOWN, published.total());
        assertProtected(new Table(12, List.of(List.of(8, 4))), published);
    }

    @Test
    void threeFoursUnderATotalOfTwelveAreNotGivenAwayByTheBoundsOfLessThanFive() {
        // Each "<5" is at most 4; three of them summing to 12 must each be 4, unless the total is unpublished too, and
        // then the severity breakdown must not give the total back.
        Table table = new Table(12, List.of(List.of(4, 4, 4), List.of(12)));
        Published published = SmallCellSuppression.suppress(table);
        assertEquals(List.of(BELOW_FIVE, BELOW_FIVE, BELOW_FIVE), published.breakdowns().get(0));
        assertNotEquals(SHOWN, published.total());
        assertNotEquals(List.of(SHOWN), published.breakdowns().get(1));
        assertProtected(table, published);
    }

    @Test
    void aTotalBelowFiveLeavesNothingPublished() {
        Published published = SmallCellSuppression.suppress(new Table(3, List.of(List.of(2, 1, 0), List.of(3, 0))));
        assertEquals(BELOW_FIVE, published.total());
        published.breakdowns().forEach(row -> row.forEach(v -> assertEquals(BELOW_FIVE, v)));
    }

    /**
     * Random tables of a total and two breakdowns, as a summary has (by type, by severity): what is published never
     * shows a count below five, never hides one of five or more as "<5", and a reader who knows the rules cannot pin
     * down any unpublished count. The reader is worked out here on its own, value by value, not by the class's bounds.
     */
    @Test
    void noUnpublishedCountOfAnyTableCanBeWorkedOutFromWhatIsPublished() {
        Random random = new Random(20261207);
        int hiddenSomething = 0;
        for (int n = 0; n < 5_000; n++) {
            Table table = randomTable(random);
            Published published = SmallCellSuppression.suppress(table);
            assertHonest(table, published);
            assertProtected(table, published);
            hiddenSomething += published.breakdowns().stream().flatMap(List::stream).anyMatch(v -> v == HIDDEN) ? 1 : 0;
        }
        assertTrue(hiddenSomething > 500, "the tables exercised complementary suppression: " + hiddenSomething);
    }

    private static Table randomTable(Random random) {
        List<Integer> types = new ArrayList<>();
        int cells = 1 + random.nextInt(4);
        int total = 0;
        for (int i = 0; i < cells; i++) {
            int count = random.nextInt(3) == 0 ? random.nextInt(15) : random.nextInt(6);
            types.add(count);
            total += count;
        }
        List<Integer> severities = new ArrayList<>();
        int left = total;
        int groups = 1 + random.nextInt(3);
        for (int i = 0; i < groups - 1; i++) {
            int count = left == 0 ? 0 : random.nextInt(left + 1);
            severities.add(count);
            left -= count;
        }
        severities.add(left);
        return new Table(total, List.of(types, severities));
    }

    private static void assertHonest(Table table, Published published) {
        check(table.total(), published.total(), table);
        for (int b = 0; b < table.breakdowns().size(); b++) {
            for (int i = 0; i < table.breakdowns().get(b).size(); i++) {
                check(table.breakdowns().get(b).get(i), published.breakdowns().get(b).get(i), table);
            }
        }
    }

    private static void check(int value, Visibility visibility, Table table) {
        switch (visibility) {
            case SHOWN -> assertTrue(value >= SmallCellSuppression.THRESHOLD, "a count below five is shown in " + table);
            case BELOW_FIVE -> assertTrue(value < SmallCellSuppression.THRESHOLD, "'<5' for " + value + " in " + table);
            case HIDDEN -> assertTrue(value >= SmallCellSuppression.THRESHOLD, "hidden, yet below five: " + value + " in " + table);
        }
    }

    /**
     * Every table a reader could hold for true, given what is published: each unpublished count, and an unpublished
     * total, can still take at least two values. A hidden count is "at least five"; the search stops well above any
     * count here, which can only make the reader seem to know more than it does.
     */
    private static void assertProtected(Table table, Published published) {
        int ceiling = table.total() + 15;
        java.util.Set<Integer> totals = new java.util.TreeSet<>();
        List<List<java.util.Set<Integer>>> values = new ArrayList<>();
        for (List<Integer> breakdown : table.breakdowns()) {
            List<java.util.Set<Integer>> row = new ArrayList<>();
            breakdown.forEach(c -> row.add(new java.util.TreeSet<>()));
            values.add(row);
        }
        for (int total : range(table.total(), published.total(), ceiling)) {
            List<List<java.util.Set<Integer>>> possible = new ArrayList<>();
            boolean feasible = true;
            for (int b = 0; b < table.breakdowns().size() && feasible; b++) {
                List<java.util.Set<Integer>> row = possibleValues(table.breakdowns().get(b), published.breakdowns().get(b), total, ceiling);
                feasible = row != null;
                possible.add(row);
            }
            if (feasible) {
                totals.add(total);
                for (int b = 0; b < possible.size(); b++) {
                    for (int i = 0; i < possible.get(b).size(); i++) {
                        values.get(b).get(i).addAll(possible.get(b).get(i));
                    }
                }
            }
        }
        assertTrue(totals.contains(table.total()), "the truth is among the readings");
        if (published.total() != SHOWN) {
            assertTrue(totals.size() >= 2, "the total is pinned at " + totals + " in " + table + " published " + published);
        }
        for (int b = 0; b < values.size(); b++) {
            for (int i = 0; i < values.get(b).size(); i++) {
                if (published.breakdowns().get(b).get(i) != SHOWN) {
                    assertTrue(values.get(b).get(i).size() >= 2, "count " + b + "/" + i + " is pinned at " + values.get(b).get(i)
                            + " in " + table + " published " + published);
                }
            }
        }
    }

    /** For one total, the values each count of a breakdown can take in some reading; null if none is possible. */
    private static List<java.util.Set<Integer>> possibleValues(List<Integer> counts, List<Visibility> visibility, int total, int ceiling) {
        List<java.util.Set<Integer>> possible = new ArrayList<>();
        counts.forEach(c -> possible.add(new java.util.TreeSet<>()));
        int[] choice = new int[counts.size()];
        boolean any = enumerate(counts, visibility, total, ceiling, 0, 0, choice, possible);
        return any ? possible : null;
    }

    private static boolean enumerate(List<Integer> counts, List<Visibility> visibility, int total, int ceiling, int index, int sum,
                                     int[] choice, List<java.util.Set<Integer>> possible) {
        if (sum > total) {
            return false;
        }
        if (index == counts.size()) {
            if (sum != total) {
                return false;
            }
            for (int i = 0; i < choice.length; i++) {
                possible.get(i).add(choice[i]);
            }
            return true;
        }
        if (index == counts.size() - 1) {
            // the last count is what the total leaves
            int last = total - sum;
            if (!range(counts.get(index), visibility.get(index), Math.min(ceiling, total)).contains(last)) {
                return false;
            }
            choice[index] = last;
            return enumerate(counts, visibility, total, ceiling, index + 1, total, choice, possible);
        }
        boolean any = false;
        for (int value : range(counts.get(index), visibility.get(index), Math.min(ceiling, total))) {
            choice[index] = value;
            any |= enumerate(counts, visibility, total, ceiling, index + 1, sum + value, choice, possible);
        }
        return any;
    }

    private static List<Integer> range(int value, Visibility visibility, int ceiling) {
        List<Integer> range = new ArrayList<>();
        switch (visibility) {
            case SHOWN -> range.add(value);
            case BELOW_FIVE -> { for (int v = 0; v < SmallCellSuppression.THRESHOLD; v++) range.add(v); }
            case HIDDEN -> { for (int v = SmallCellSuppression.THRESHOLD; v <= ceiling; v++) range.add(v); }
        }
        return range;
    }
}
