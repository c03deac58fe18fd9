package nl.nabij.steering;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import nl.nabij.disclosure.DisclosurePolicy;

/**
 * Waiting for a decision on applications for support in an area: for the whole area, per handling wijkteam and per
 * neighbourhood.
 *
 * @param asOf the day the applications are taken as they stood: decided by then, or still open
 * @param smallCellsSuppressed whether small counts, the counts they could be derived from, and the shares and medians
 *     computed from any of them, are null for this user
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

    static ApplicationWaiting of(WaitingFacts facts, Map<ApplicationLaw, Period> terms, DisclosurePolicy policy) {
        DisclosurePolicy.Table table = policy.table();
        WaitingFigures.Cells area = WaitingFigures.Cells.of(table, group(facts, WaitingFacts.Level.AREA, null));
        List<WaitingFigures.Cells> teams = facts.groups().stream()
                .filter(group -> group.level() == WaitingFacts.Level.TEAM)
                .sorted(Comparator.comparing(WaitingFacts.Group::name).thenComparing(WaitingFacts.Group::key))
                .map(group -> WaitingFigures.Cells.of(table, group))
                .toList();
        List<WaitingFigures.Cells> neighbourhoods = facts.neighbourhoods().stream()
                .map(neighbourhood -> WaitingFigures.Cells.of(
                        table, group(facts, WaitingFacts.Level.NEIGHBOURHOOD, neighbourhood.code())))
                .toList();
        WaitingFigures.Cells.sum(table, area, teams);
        WaitingFigures.Cells.sum(table, area, neighbourhoods);
        return new ApplicationWaiting(
                facts.scope(),
                facts.asOf(),
                policy.suppressing(),
                policy.minimumCellSize(),
                terms.entrySet().stream()
                        .map(term ->
                                new StatutoryTerm(term.getKey(), term.getValue().toString()))
                        .toList(),
                area.figures(policy),
                teams.stream()
                        .map(team ->
                                new TeamWaiting(team.group().key(), team.group().name(), team.figures(policy)))
                        .toList(),
                IntStream.range(0, neighbourhoods.size())
                        .mapToObj(i -> new NeighbourhoodWaiting(
                                facts.neighbourhoods().get(i).code(),
                                facts.neighbourhoods().get(i).name(),
                                neighbourhoods.get(i).figures(policy)))
                        .toList());
    }

    private static WaitingFacts.Group group(WaitingFacts facts, WaitingFacts.Level level, String key) {
        return facts.groups().stream()
                .filter(group -> group.level() == level && Objects.equals(group.key(), key))
                .findFirst()
                .orElse(null);
    }
}
