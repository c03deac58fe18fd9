package nl.nabij.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disclosure rules on their own: which counts hide, which hide with them, and which days a figure is about. */
class DisclosurePolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    private static final DisclosurePolicy SUPPRESSING = new DisclosurePolicy(10, true, TODAY);
    private static final DisclosurePolicy EXACT = new DisclosurePolicy(10, false, TODAY);

    @Test
    void countsFromOneToBelowTheMinimumAreSmall() {
        assertThat(SUPPRESSING.small(0)).isFalse();
        assertThat(SUPPRESSING.small(1)).isTrue();
        assertThat(SUPPRESSING.small(9)).isTrue();
        assertThat(SUPPRESSING.small(10)).isFalse();
        assertThat(EXACT.small(3)).isFalse();
    }

    @Test
    void noOneIsNamedForAFigureOnFewerThanTheMinimum() {
        assertThat(SUPPRESSING.mayName(9)).isFalse();
        assertThat(SUPPRESSING.mayName(10)).isTrue();
        assertThat(EXACT.mayName(1)).isTrue();
        assertThat(SUPPRESSING.minimumSharedHouseholds(3)).isEqualTo(10);
        assertThat(SUPPRESSING.minimumSharedHouseholds(12)).isEqualTo(12);
        assertThat(EXACT.minimumSharedHouseholds(3)).isEqualTo(3);
    }

    @Test
    void aTotalAndAllButOnePartWouldGiveTheHiddenPartAwaySoOneMoreHides() {
        DisclosurePolicy.Table table = SUPPRESSING.table();
        DisclosurePolicy.Cell total = table.cell(40);
        DisclosurePolicy.Cell few = table.cell(3);
        DisclosurePolicy.Cell some = table.cell(15);
        DisclosurePolicy.Cell many = table.cell(22);
        table.sum(total, List.of(few, some, many));

        assertThat(few.shown()).isNull();
        assertThat(some.shown())
                .as("the smallest shown part hides with the small one")
                .isNull();
        assertThat(many.shown()).isEqualTo(22);
        assertThat(total.shown()).isEqualTo(40);
    }

    @Test
    void aHiddenTotalHidesItsPartsZerosIncluded() {
        DisclosurePolicy.Table table = SUPPRESSING.table();
        DisclosurePolicy.Cell total = table.cell(4);
        DisclosurePolicy.Cell part = table.cell(4);
        DisclosurePolicy.Cell zero = table.cell(0);
        table.sum(total, List.of(part, zero));

        assertThat(total.shown()).isNull();
        assertThat(part.shown()).isNull();
        assertThat(zero.shown()).isNull();
    }

    @Test
    void aShareOfAHiddenCountIsHiddenToo() {
        DisclosurePolicy.Table table = SUPPRESSING.table();
        DisclosurePolicy.Cell whole = table.cell(50);
        DisclosurePolicy.Cell part = table.cell(5);
        table.partOf(whole, part);

        assertThat(SUPPRESSING.share(part, whole)).isNull();
        assertThat(SUPPRESSING.median(4.5, part)).isNull();
        assertThat(whole.shown()).isEqualTo(50);
    }

    @Test
    void withoutSuppressingEveryCountIsExact() {
        DisclosurePolicy.Table table = EXACT.table();
        DisclosurePolicy.Cell total = table.cell(4);
        DisclosurePolicy.Cell part = table.cell(1);
        table.sum(total, List.of(part, table.cell(3)));

        assertThat(total.shown()).isEqualTo(4);
        assertThat(part.shown()).isEqualTo(1);
        assertThat(EXACT.share(part, total)).isEqualTo(0.25);
    }

    @Test
    void periodsAreTheWholeMonthsThatAreOver() {
        assertThat(SUPPRESSING.periodStart(LocalDate.of(2025, 11, 12))).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(SUPPRESSING.periodStart(LocalDate.of(2025, 11, 1))).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(SUPPRESSING.periodEnd(LocalDate.of(2026, 1, 20))).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(SUPPRESSING.periodEnd(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 1, 31));
        // This month is still running, so a period ends with last month at the latest.
        assertThat(SUPPRESSING.periodEnd(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(EXACT.periodEnd(LocalDate.of(2026, 3, 17))).isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void aStateIsTakenOnTheFirstOfAMonthThatHasBegun() {
        assertThat(SUPPRESSING.firstOfMonth(LocalDate.of(2025, 6, 17))).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(SUPPRESSING.firstOfMonth(LocalDate.of(2026, 5, 2))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(EXACT.firstOfMonth(LocalDate.of(2025, 6, 17))).isEqualTo(LocalDate.of(2025, 6, 17));
    }
}
