package nl.nabij.steering;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Waiting for a decision on applications for support in an area: for the whole area, per handling wijkteam and per
 * neighbourhood.
 *
 * @param asOf the day the applications are taken as they stood: decided by then, or still open
 * @param smallCellsSuppressed whether small counts, and the shares and medians computed from them, are null for this
 *     user
 * @param statutoryTerms the term each law gives the municipality, as configured
 */
public record ApplicationWaiting(
        SteeringScope scope,
        LocalDate asOf,
        boolean smallCellsSuppressed,
        int minimumCellSize,
        List<StatutoryTerm> statutoryTerms,
        WaitingFigures total,
        List<TeamWaiting> teams,
        List<NeighbourhoodWaiting> neighbourhoods) {

    /** @param term an ISO-8601 period, e.g. {@code P56D} for eight weeks */
    public record StatutoryTerm(ApplicationLaw law, String term) {}

    public record TeamWaiting(String teamId, String team, WaitingFigures figures) {}

    public record NeighbourhoodWaiting(String code, String name, WaitingFigures figures) {}

    static ApplicationWaiting of(WaitingFacts facts, Map<ApplicationLaw, Period> terms, SmallCells cells) {
        return new ApplicationWaiting(
                facts.scope(),
                facts.asOf(),
                cells.suppressing(),
                cells.minimumCellSize(),
                terms.entrySet().stream()
                        .map(term ->
                                new StatutoryTerm(term.getKey(), term.getValue().toString()))
                        .toList(),
                WaitingFigures.of(group(facts, WaitingFacts.Level.AREA, null), cells),
                facts.groups().stream()
                        .filter(group -> group.level() == WaitingFacts.Level.TEAM)
                        .sorted(Comparator.comparing(WaitingFacts.Group::name).thenComparing(WaitingFacts.Group::key))
                        .map(group -> new TeamWaiting(group.key(), group.name(), WaitingFigures.of(group, cells)))
                        .toList(),
                facts.neighbourhoods().stream()
                        .map(neighbourhood -> new NeighbourhoodWaiting(
                                neighbourhood.code(),
                                neighbourhood.name(),
                                WaitingFigures.of(
                                        group(facts, WaitingFacts.Level.NEIGHBOURHOOD, neighbourhood.code()), cells)))
                        .toList());
    }

    private static WaitingFacts.Group group(WaitingFacts facts, WaitingFacts.Level level, String key) {
        return facts.groups().stream()
                .filter(group -> group.level() == level && Objects.equals(group.key(), key))
                .findFirst()
                .orElse(null);
    }
}
