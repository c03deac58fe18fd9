package nl.nabij.household;

import java.util.List;
import nl.nabij.directory.Professional;
import org.neo4j.driver.types.MapAccessor;

/**
 * A household where helpers overlap, with the figures it is ranked by.
 *
 * @param unlinkedPairs involved professionals with no collaboration link between them
 */
record Overlap(
        Household household,
        int professionalCount,
        int organisationCount,
        int severity,
        boolean hasCoordinator,
        List<OverlapSummary.ProfessionalPair> unlinkedPairs,
        CoordinatorSuggestion suggestedCoordinator) {

    public int unlinkedPairCount() {
        return unlinkedPairs.size();
    }

    /** Reads a row of {@link OverlapQueries}. */
    static Overlap from(MapAccessor value) {
        return new Overlap(
                Household.from(value.get("household")),
                value.get("professionalCount").asInt(),
                value.get("organisationCount").asInt(),
                value.get("severity").asInt(),
                value.get("hasCoordinator").asBoolean(),
                value.get("unlinkedPairs").asList(Overlap::pair),
                CoordinatorSuggestion.from(value.get("suggestion")));
    }

    private static OverlapSummary.ProfessionalPair pair(MapAccessor pair) {
        return new OverlapSummary.ProfessionalPair(
                Professional.from(pair.get("first")), Professional.from(pair.get("second")));
    }
}
