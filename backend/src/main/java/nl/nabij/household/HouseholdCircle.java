package nl.nabij.household;

import java.util.List;
import nl.nabij.directory.Professional;
import nl.nabij.involvement.Involvement;
import nl.nabij.resident.Resident;
import org.neo4j.driver.types.MapAccessor;

/**
 * Everything around one household that its view shows: members, involvements, coordinator and overlap. One query
 * loads it for all households of a request, and every field of {@code Household} that needs it reads from it.
 *
 * @param coordinator the regisseur, or null when nobody coordinates
 */
record HouseholdCircle(
        List<Resident> members, List<Involvement> involvements, Professional coordinator, OverlapSummary overlap) {

    static HouseholdCircle from(MapAccessor value) {
        return new HouseholdCircle(
                value.get("members").asList(Resident::from),
                value.get("involvements").asList(Involvement::from),
                value.get("coordinator").isNull() ? null : Professional.from(value.get("coordinator")),
                new OverlapSummary(
                        value.get("activeInvolvementCount").asInt(),
                        value.get("professionalCount").asInt(),
                        value.get("organisationCount").asInt(),
                        value.get("uncoordinatedPairs")
                                .asList(pair -> new OverlapSummary.ProfessionalPair(
                                        Professional.from(pair.get("first")), Professional.from(pair.get("second"))))));
    }
}
