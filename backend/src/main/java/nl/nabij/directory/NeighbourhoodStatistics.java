package nl.nabij.directory;

import java.time.LocalDate;
import nl.nabij.disclosure.DisclosurePolicy;
import org.neo4j.driver.types.MapAccessor;

/**
 * Counts about one neighbourhood's households under disclosure control: a count from 1 to {@code minimumCellSize - 1}
 * is null, so no household can be singled out, and so is a zero inside a hidden count (none of the few households
 * with three or more organisations lacking a coordinator says that each of them has one). Counted once a month
 * ({@link NeighbourhoodCounts}), so two reads in a month cannot be told apart.
 */
public record NeighbourhoodStatistics(
        LocalDate countedOn,
        int minimumCellSize,
        Integer households,
        Integer residents,
        Integer householdsWithInvolvement,
        Integer activeInvolvements,
        Integer householdsWithThreeOrMoreOrganisations,
        Integer householdsWithThreeOrMoreOrganisationsAndNoCoordinator) {

    static NeighbourhoodStatistics from(MapAccessor value, DisclosurePolicy policy) {
        DisclosurePolicy.Table table = policy.table();
        DisclosurePolicy.Cell households = table.cell(value.get("households").asInt());
        DisclosurePolicy.Cell residents = table.cell(value.get("residents").asInt());
        DisclosurePolicy.Cell withInvolvement =
                table.cell(value.get("householdsWithInvolvement").asInt());
        DisclosurePolicy.Cell involvements =
                table.cell(value.get("activeInvolvements").asInt());
        DisclosurePolicy.Cell threeOrMore = table.cell(value.get("threeOrMore").asInt());
        DisclosurePolicy.Cell withoutCoordinator =
                table.cell(value.get("threeOrMoreWithoutCoordinator").asInt());
        table.partOf(households, withInvolvement);
        table.partOf(withInvolvement, threeOrMore);
        table.partOf(threeOrMore, withoutCoordinator);
        return new NeighbourhoodStatistics(
                value.get("countedOn").asLocalDate(),
                policy.minimumCellSize(),
                households.shown(),
                residents.shown(),
                withInvolvement.shown(),
                involvements.shown(),
                threeOrMore.shown(),
                withoutCoordinator.shown());
    }
}
