package nl.nabij.household;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.seed.SeedData;

/**
 * The documented case of the demo data (one household, fifteen helpers) with the figures the API must report,
 * worked out independently from the seed files rather than from the graph.
 */
record CaseHousehold(
        SeedData.Household household, Set<String> professionals, Set<String> organisations, int uncoordinatedPairs) {

    static final String POSTCODE = "1311HV";
    static final int HOUSE_NUMBER = 15;

    static CaseHousehold fromSeed() {
        SeedData seed = SeedData.fromClasspath();
        SeedData.Household household = seed.caseHousehold();
        Set<String> memberIds =
                household.members().stream().map(SeedData.Member::id).collect(Collectors.toSet());
        List<SeedData.Involvement> active = seed.involvements().stream()
                .filter(SeedData.Involvement::active)
                .filter(i -> household.id().equals(i.target().householdId())
                        || memberIds.contains(i.target().residentId()))
                .toList();
        Set<String> professionals =
                active.stream().map(SeedData.Involvement::professionalId).collect(Collectors.toSet());
        Set<String> organisations =
                active.stream().map(SeedData.Involvement::organisationId).collect(Collectors.toSet());
        Set<Set<String>> collaborating = new HashSet<>();
        seed.collaborations().forEach(c -> collaborating.add(Set.of(c.professionalA(), c.professionalB())));
        int pairs = 0;
        List<String> ids = List.copyOf(professionals);
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                if (!collaborating.contains(Set.of(ids.get(a), ids.get(b)))) {
                    pairs++;
                }
            }
        }
        return new CaseHousehold(household, professionals, organisations, pairs);
    }

    String aMembersBsn() {
        return household.members().get(0).bsn();
    }
}
