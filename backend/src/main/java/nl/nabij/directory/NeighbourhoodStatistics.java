package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;

/**
 * Counts about one neighbourhood's households, with small cells suppressed: a count from 1 to
 * {@code minimumCellSize - 1} is null, so no household can be singled out.
 */
public record NeighbourhoodStatistics(
        int minimumCellSize,
        Integer households,
        Integer residents,
        Integer householdsWithInvolvement,
        Integer activeInvolvements,
        Integer householdsWithThreeOrMoreOrganisations,
        Integer householdsWithThreeOrMoreOrganisationsAndNoCoordinator) {

    static NeighbourhoodStatistics from(MapAccessor value, int minimumCellSize) {
        return new NeighbourhoodStatistics(
                minimumCellSize,
                suppressed(value.get("households").asInt(), minimumCellSize),
                suppressed(value.get("residents").asInt(), minimumCellSize),
                suppressed(value.get("householdsWithInvolvement").asInt(), minimumCellSize),
                suppressed(value.get("activeInvolvements").asInt(), minimumCellSize),
                suppressed(value.get("threeOrMore").asInt(), minimumCellSize),
                suppressed(value.get("threeOrMoreWithoutCoordinator").asInt(), minimumCellSize));
    }

    static Integer suppressed(int count, int minimumCellSize) {
        return count > 0 && count < minimumCellSize ? null : count;
    }
}
