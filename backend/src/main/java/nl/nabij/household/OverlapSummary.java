package nl.nabij.household;

import java.util.List;
import java.util.Set;
import nl.nabij.directory.Professional;

/**
 * The overlap around a household, over its active involvements. Its uncoordinated pairs are read apart, by
 * {@link OverlapSummaryController}, and only when a request asks for them.
 *
 * @param professionalIds the professionals counted; the pairs shown are those among them
 */
public record OverlapSummary(
        String householdId,
        int involvementCount,
        int professionalCount,
        int organisationCount,
        Set<String> professionalIds) {

    /** Two involved professionals without a collaboration link, the one with the smaller id first. */
    public record ProfessionalPair(Professional first, Professional second) {}

    /** Of these pairs, those whose two professionals this summary counts. */
    List<ProfessionalPair> amongCounted(List<ProfessionalPair> pairs) {
        return pairs.stream()
                .filter(pair -> professionalIds.contains(pair.first().id())
                        && professionalIds.contains(pair.second().id()))
                .toList();
    }
}
