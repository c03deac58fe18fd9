package nl.nabij.match;

import org.neo4j.driver.types.MapAccessor;

/**
 * A message to one professional that the circle around a household they help has changed. It names the organisation
 * and professional that joined and the household's address, as values the client words; the household itself is read
 * through the household queries, which check and audit.
 *
 * @param kind MATCH_CREATED when the match was made, MATCH_GROWN when someone joined an existing one
 * @param createdAt when, in UTC (ISO-8601)
 */
record Notification(
        String id,
        String kind,
        String createdAt,
        boolean read,
        String matchId,
        String householdId,
        String involvementId,
        String organisation,
        String professional,
        int organisationCount,
        HouseholdAddress address) {

    /** The household's address when the notification was made; notifications made before it was kept have none. */
    record HouseholdAddress(String postcode, int houseNumber, String houseNumberAddition) {}

    /** The projection every notification query returns; {@code n} is the notification node. */
    static final String PROJECTION =
            "n {.id, .kind, .matchId, .householdId, .involvementId, .organisation, .professional, .organisationCount,"
                    + " address: CASE WHEN n.postcode IS NULL THEN null ELSE {postcode: n.postcode,"
                    + " houseNumber: n.houseNumber, houseNumberAddition: n.houseNumberAddition} END,"
                    + " createdAt: toString(n.createdAt), read: n.readAt IS NOT NULL}";

    static Notification from(MapAccessor value) {
        return new Notification(
                value.get("id").asString(),
                value.get("kind").asString(),
                value.get("createdAt").asString(),
                value.get("read").asBoolean(),
                value.get("matchId").asString(),
                value.get("householdId").asString(),
                value.get("involvementId").asString(),
                value.get("organisation").asString(),
                value.get("professional").asString(),
                value.get("organisationCount").asInt(),
                value.get("address").isNull()
                        ? null
                        : new HouseholdAddress(
                                value.get("address").get("postcode").asString(),
                                value.get("address").get("houseNumber").asInt(),
                                value.get("address").get("houseNumberAddition").asString(null)));
    }
}
