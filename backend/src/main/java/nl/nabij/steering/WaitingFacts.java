package nl.nabij.steering;

import java.time.LocalDate;
import java.util.List;

/**
 * The applications of an area submitted in a period, counted by the database as they stood on a day, before shares
 * and suppression: one group for the whole area, one per handling team and one per neighbourhood with applications.
 *
 * @param neighbourhoods every neighbourhood of the area, by code, also those without applications
 */
record WaitingFacts(SteeringScope scope, LocalDate asOf, List<Neighbourhood> neighbourhoods, List<Group> groups) {

    enum Level {
        AREA,
        TEAM,
        NEIGHBOURHOOD
    }

    record Neighbourhood(String code, String name) {}

    /**
     * @param key the team's id or the neighbourhood's code; null for the area
     * @param name the team's name; null otherwise
     * @param medianWaitingDays over the decided ones, from submission to decision
     * @param medianOpenDays over the open ones, from submission to the day asked about
     */
    record Group(
            Level level,
            String key,
            String name,
            int submitted,
            int decided,
            int open,
            int overdue,
            Double medianWaitingDays,
            Double medianOpenDays) {}
}
