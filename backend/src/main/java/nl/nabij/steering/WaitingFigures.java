package nl.nabij.steering;

import java.util.List;
import nl.nabij.disclosure.DisclosurePolicy;

/**
 * Waiting for a decision: the applications submitted in the period, as they stood on the day asked about.
 *
 * @param decided decided by that day
 * @param open not decided by that day
 * @param overdue decided after their statutory term ran out, or still open after it did
 * @param overdueShare {@code overdue / submitted}
 * @param medianWaitingDays the median number of days from submission to decision of the decided ones
 * @param medianOpenDays the median number of days the open ones have waited so far
 */
public record WaitingFigures(
        Integer submitted,
        Integer decided,
        Integer open,
        Integer overdue,
        Double overdueShare,
        Double medianWaitingDays,
        Double medianOpenDays) {

    /**
     * One group's counts in the table of the whole answer. Submitted is decided plus open, and overdue is some of the
     * submitted; between groups, the area's counts are the sums of the teams' and of the neighbourhoods'.
     *
     * @param group null for a group without applications
     */
    record Cells(
            WaitingFacts.Group group,
            DisclosurePolicy.Cell submitted,
            DisclosurePolicy.Cell decided,
            DisclosurePolicy.Cell open,
            DisclosurePolicy.Cell overdue) {

        static Cells of(DisclosurePolicy.Table table, WaitingFacts.Group group) {
            Cells cells = group == null
                    ? new Cells(null, table.cell(0), table.cell(0), table.cell(0), table.cell(0))
                    : new Cells(
                            group,
                            table.cell(group.submitted()),
                            table.cell(group.decided()),
                            table.cell(group.open()),
                            table.cell(group.overdue()));
            table.sum(cells.submitted, List.of(cells.decided, cells.open));
            table.partOf(cells.submitted, cells.overdue);
            return cells;
        }

        /** The area's counts are the sums of these groups'. */
        static void sum(DisclosurePolicy.Table table, Cells area, List<Cells> groups) {
            table.sum(area.submitted, groups.stream().map(Cells::submitted).toList());
            table.sum(area.decided, groups.stream().map(Cells::decided).toList());
            table.sum(area.open, groups.stream().map(Cells::open).toList());
            table.sum(area.overdue, groups.stream().map(Cells::overdue).toList());
        }

        WaitingFigures figures(DisclosurePolicy policy) {
            return new WaitingFigures(
                    submitted.shown(),
                    decided.shown(),
                    open.shown(),
                    overdue.shown(),
                    policy.share(overdue, submitted),
                    policy.median(group == null ? null : group.medianWaitingDays(), decided),
                    policy.median(group == null ? null : group.medianOpenDays(), open));
        }
    }
}
