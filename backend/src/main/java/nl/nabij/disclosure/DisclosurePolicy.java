package nl.nabij.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The disclosure rules for one reader, after the practice of CBS for tables from microdata. When {@code suppressing}:
 *
 * <ul>
 *   <li>a count from 1 to {@code minimumCellSize - 1} is hidden (primary suppression), and so is every share or
 *       median computed from a hidden count, since a share of a known total gives the count back;
 *   <li>a cell that the other cells of the same answer would give back (a total minus its other parts) is hidden too
 *       (secondary suppression, see {@link Table});
 *   <li>a zero is hidden where it lies inside a hidden total: "0 of the hidden few" says something about each of them;
 *   <li>no professional or organisation is named for a figure that rests on fewer than {@code minimumCellSize}
 *       households or referrals ({@link #mayName});
 *   <li>days are whole calendar months: a period is the whole months inside it that are over ({@link #periodStart},
 *       {@link #periodEnd}), a state is taken on the first of the month ({@link #firstOfMonth}); so two answers a day
 *       apart are the same answer, and their difference cannot single out one event.
 * </ul>
 *
 * Without suppressing every count is exact and every day is the day asked for.
 *
 * @param today the reader's today, which decides which months are over
 */
public record DisclosurePolicy(int minimumCellSize, boolean suppressing, LocalDate today) {

    /** Whether a count is one of the few that could single out a household: 1 to {@code minimumCellSize - 1}. */
    public boolean small(int count) {
        return suppressing && count > 0 && count < minimumCellSize;
    }

    /** Whether a professional or organisation may be named for a figure resting on this many households or referrals. */
    public boolean mayName(int count) {
        return !suppressing || count >= minimumCellSize;
    }

    /** The smallest number of shared households a predicted link may rest on: as asked, but never below the minimum. */
    public int minimumSharedHouseholds(int asked) {
        return suppressing ? Math.max(asked, minimumCellSize) : asked;
    }

    /**
     * A day the state of things is taken on: the first of its month, and no later than the first of this month, a day
     * that has passed and stays the same all month. A later day would take in each day's new registrations.
     */
    public LocalDate firstOfMonth(LocalDate day) {
        if (!suppressing) {
            return day;
        }
        LocalDate first = day.withDayOfMonth(1);
        LocalDate firstOfThisMonth = today.withDayOfMonth(1);
        return first.isAfter(firstOfThisMonth) ? firstOfThisMonth : first;
    }

    /** A day a period starts: the first day of the first whole month from that day on. */
    public LocalDate periodStart(LocalDate day) {
        if (!suppressing || day.getDayOfMonth() == 1) {
            return day;
        }
        return YearMonth.from(day).plusMonths(1).atDay(1);
    }

    /**
     * A day a period ends: the last day of the last whole month up to that day, and no later than the last month that
     * is over, since a month still running changes from one day to the next.
     */
    public LocalDate periodEnd(LocalDate day) {
        if (!suppressing) {
            return day;
        }
        YearMonth last = day.equals(YearMonth.from(day).atEndOfMonth())
                ? YearMonth.from(day)
                : YearMonth.from(day).minusMonths(1);
        YearMonth lastOver = YearMonth.from(today).minusMonths(1);
        return (last.isAfter(lastOver) ? lastOver : last).atEndOfMonth();
    }

    /** A new table of counts that are suppressed together. */
    public Table table() {
        return new Table();
    }

    /** {@code part / whole}; null without a whole, or when either is hidden. */
    public Double share(Cell part, Cell whole) {
        return whole.value() == 0 || part.hidden() || whole.hidden() ? null : (double) part.value() / whole.value();
    }

    /** A median over the values {@code values} counts; null when there are none or their count is hidden. */
    public Double median(Double median, Cell values) {
        return values.value() == 0 || values.hidden() ? null : median;
    }

    /**
     * The counts of one answer and how they add up. Counts that add up give each other away: with a total and all
     * parts but one shown, the hidden part is the total minus the others. So after the small counts are hidden, every
     * sum with exactly one hidden cell hides one more, its smallest shown part (a non-zero one first), or else its
     * total; every hidden total hides its parts, zeros included; and this repeats until nothing changes, since hiding
     * a cell can leave another sum with one hidden cell. Cells are read once all relations are known: the first read
     * settles the table.
     */
    public final class Table {

        private final List<Cell> cells = new ArrayList<>();
        private final List<List<Cell>> sums = new ArrayList<>();
        private final List<List<Cell>> parts = new ArrayList<>();
        private boolean settled;

        private Table() {}

        /** A count of this answer. */
        public Cell cell(int value) {
            Cell cell = new Cell(this, value);
            cells.add(cell);
            return cell;
        }

        /** {@code total} is the sum of {@code parts}, all shown in the same answer. */
        public void sum(Cell total, List<Cell> parts) {
            List<Cell> relation = new ArrayList<>();
            relation.add(total);
            relation.addAll(parts);
            sums.add(relation);
        }

        /** {@code part} counts some of what {@code whole} counts; the rest is not shown. */
        public void partOf(Cell whole, Cell part) {
            parts.add(List.of(whole, part));
        }

        private void settle() {
            if (settled) {
                return;
            }
            settled = true;
            if (!suppressing) {
                return;
            }
            cells.forEach(cell -> cell.hidden = small(cell.value));
            boolean changed = true;
            while (changed) {
                changed = false;
                for (List<Cell> relation : parts) {
                    changed |= relation.get(0).hidden && relation.get(1).hide();
                }
                for (List<Cell> relation : sums) {
                    Cell total = relation.getFirst();
                    List<Cell> summed = relation.subList(1, relation.size());
                    if (total.hidden) {
                        for (Cell part : summed) {
                            changed |= part.hide();
                        }
                    } else if (relation.stream().filter(cell -> cell.hidden).count() == 1) {
                        changed |= summed.stream()
                                .filter(cell -> !cell.hidden)
                                .min(Comparator.comparing((Cell cell) -> cell.value == 0)
                                        .thenComparingInt(cell -> cell.value))
                                .orElse(total)
                                .hide();
                    }
                }
            }
        }
    }

    /** One count of a {@link Table}. */
    public static final class Cell {

        private final Table table;
        private final int value;
        private boolean hidden;

        private Cell(Table table, int value) {
            this.table = table;
            this.value = value;
        }

        /** The exact count, for computing with; never shown as such. */
        public int value() {
            return value;
        }

        public boolean hidden() {
            table.settle();
            return hidden;
        }

        /** The count as shown: null when hidden. */
        public Integer shown() {
            return hidden() ? null : value;
        }

        private boolean hide() {
            boolean was = hidden;
            hidden = true;
            return !was;
        }
    }
}
