package nl.nabij.household;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.nabij.directory.Professional;
import nl.nabij.involvement.Involvement;
import nl.nabij.resident.Resident;
import org.neo4j.driver.types.MapAccessor;

/**
 * Everything around one household that its view shows: members, involvements and coordinator. One query loads it for
 * all households of a request, and every field of {@code Household} that needs it reads from it.
 *
 * @param coordinator the regisseur, or null when nobody coordinates
 */
record HouseholdCircle(
        String householdId, List<Resident> members, List<Involvement> involvements, Professional coordinator) {

    static HouseholdCircle from(MapAccessor value) {
        return new HouseholdCircle(
                value.get("householdId").asString(),
                value.get("members").asList(Resident::from),
                value.get("involvements").asList(Involvement::from),
                value.get("coordinator").isNull() ? null : Professional.from(value.get("coordinator")));
    }

    /** The counts of the overlap, over the active involvements of this circle (a resident's share counts theirs). */
    OverlapSummary overlap() {
        List<Involvement> active =
                involvements.stream().filter(Involvement::active).toList();
        Set<String> professionals = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>();
        active.forEach(involvement -> {
            professionals.add(involvement.professional().id());
            organisations.add(involvement.organisation().id());
        });
        return new OverlapSummary(
                householdId, active.size(), professionals.size(), organisations.size(), Set.copyOf(professionals));
    }
}
