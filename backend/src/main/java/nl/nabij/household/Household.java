package nl.nabij.household;

import java.util.List;
import nl.nabij.directory.Neighbourhood;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * A household with its address and neighbourhood; everything around it is loaded per request in one batch.
 *
 * @param memberPseudonyms whose data a read of this household touches, for the audit trail; never served
 */
public record Household(String id, Address address, Neighbourhood neighbourhood, List<String> memberPseudonyms) {

    /** Reads the household projection of {@link HouseholdQueries}. */
    static Household from(MapAccessor value) {
        Value addition = value.get("houseNumberAddition");
        return new Household(
                value.get("id").asString(),
                new Address(
                        value.get("postcode").asString(),
                        value.get("houseNumber").asInt(),
                        addition.isNull() ? null : addition.asString()),
                Neighbourhood.from(value.get("neighbourhood")),
                value.get("memberPseudonyms").asList(Value::asString));
    }
}
