package nl.nabij.audit;

import org.neo4j.driver.types.MapAccessor;

/**
 * One access to a resident's data, as the resident sees it: when, what, and who, by name where it is a professional,
 * with the organisation they worked for.
 *
 * @param account the account that did it, as the trail recorded it: a professional's name alone would hide a second
 *     account acting as the same professional
 */
public record AccessRecord(
        String at,
        String action,
        String outcome,
        String who,
        String account,
        String organisation,
        String role,
        String purpose) {

    static AccessRecord from(MapAccessor value) {
        return new AccessRecord(
                value.get("at").asZonedDateTime().toInstant().toString(),
                value.get("action").asString(),
                value.get("outcome").asString(),
                value.get("who").asString(),
                value.get("account").asString(),
                value.get("organisation").asString(null),
                value.get("role").asString(),
                value.get("purpose").asString());
    }
}
