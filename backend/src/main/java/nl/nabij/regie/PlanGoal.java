package nl.nabij.regie;

import java.time.LocalDate;
import nl.nabij.directory.Professional;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * One goal of a household's shared plan, with its owner among the involved professionals.
 *
 * @param startsOn when work on it starts, or null
 * @param dueOn when it should be reached, or null
 */
public record PlanGoal(
        String id, String title, GoalStatus status, Professional owner, LocalDate startsOn, LocalDate dueOn) {

    static PlanGoal from(MapAccessor value) {
        return new PlanGoal(
                value.get("id").asString(),
                value.get("title").asString(),
                GoalStatus.valueOf(value.get("status").asString()),
                Professional.from(value.get("owner")),
                dateOrNull(value.get("startsOn")),
                dateOrNull(value.get("dueOn")));
    }

    private static LocalDate dateOrNull(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

    /** Where a goal stands. */
    public enum GoalStatus {
        OPEN,
        IN_PROGRESS,
        ACHIEVED,
        DROPPED
    }
}
