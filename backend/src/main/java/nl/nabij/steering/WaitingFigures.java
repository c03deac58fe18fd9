package nl.nabij.steering;

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

    static WaitingFigures of(WaitingFacts.Group group, SmallCells cells) {
        if (group == null) {
            return new WaitingFigures(0, 0, 0, 0, null, null, null);
        }
        return new WaitingFigures(
                cells.count(group.submitted()),
                cells.count(group.decided()),
                cells.count(group.open()),
                cells.count(group.overdue()),
                cells.share(group.overdue(), group.submitted()),
                cells.median(group.medianWaitingDays(), group.decided()),
                cells.median(group.medianOpenDays(), group.open()));
    }
}
