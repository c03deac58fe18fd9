package nl.nabij.household;

import java.util.List;
import nl.nabij.directory.Professional;

/** The overlap around a household, over its active involvements. */
public record OverlapSummary(
        int involvementCount, int professionalCount, int organisationCount, List<ProfessionalPair> uncoordinatedPairs) {

    public int uncoordinatedPairCount() {
        return uncoordinatedPairs.size();
    }

    /** Two involved professionals without a collaboration link, the one with the smaller id first. */
    public record ProfessionalPair(Professional first, Professional second) {}
}
