package nl.nabij.vindplaats;

import java.time.Instant;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * A vindplaats with everything the social map keeps about it, read in one go for the GraphQL fields, the public map and
 * the HSDS export.
 *
 * @param hsdsId the id of the Open Referral record it was imported from; null for places made in Nabij
 * @param modifiedAt when it was last created or changed; null for places written before Nabij kept the time (the demo)
 */
public record VindplaatsDetails(
        String id,
        String hsdsId,
        VindplaatsDraft draft,
        String neighbourhoodName,
        String organisationHsdsId,
        Instant modifiedAt) {

    /**
     * The Cypher projection {@link #from} reads, over {@code v} (the vindplaats), {@code n} (its neighbourhood) and an
     * optional {@code o} (the organisation that runs it).
     */
    static final String PROJECTION =
            "v {.*, neighbourhoodCode: n.code, neighbourhoodName: n.name, organisationId: o.id,"
                    + " organisationHsdsId: coalesce(o.hsdsId, o.id)}";

    static VindplaatsDetails from(MapAccessor value) {
        VindplaatsAddress address = value.get("postcode").isNull()
                ? null
                : new VindplaatsAddress(
                        text(value, "street"),
                        value.get("houseNumber").isNull()
                                ? null
                                : value.get("houseNumber").asInt(),
                        text(value, "houseNumberAddition"),
                        text(value, "postcode"),
                        text(value, "city"));
        VindplaatsContact contact = value.get("contactName").isNull()
                        && value.get("contactEmail").isNull()
                        && value.get("contactPhone").isNull()
                ? null
                : new VindplaatsContact(
                        text(value, "contactName"), text(value, "contactEmail"), text(value, "contactPhone"));
        Value hours = value.get("openingHours");
        List<OpeningHours> openingHours =
                hours.isNull() ? List.of() : hours.asList(entry -> OpeningHours.fromStored(entry.asString()));
        VindplaatsDraft draft = new VindplaatsDraft(
                value.get("name").asString(),
                VindplaatsKind.valueOf(value.get("kind").asString()),
                VindplaatsCategory.valueOf(value.get("category").asString()),
                text(value, "description"),
                address,
                value.get("neighbourhoodCode").asString(),
                openingHours,
                contact,
                value.get("isPublic").asBoolean(false),
                value.get("status").isNull()
                        ? VindplaatsStatus.ACTIVE
                        : VindplaatsStatus.valueOf(value.get("status").asString()),
                text(value, "organisationId"));
        return new VindplaatsDetails(
                value.get("id").asString(),
                text(value, "hsdsId"),
                draft,
                value.get("neighbourhoodName").asString(),
                text(value, "organisationHsdsId"),
                value.get("modifiedAt").isNull()
                        ? null
                        : value.get("modifiedAt").asZonedDateTime().toInstant());
    }

    /** The id it goes by in Open Referral: the one it was imported with, else its own. */
    public String locationId() {
        return hsdsId == null ? id : hsdsId;
    }

    /** Whether anyone may see it on the public social map. */
    public boolean onPublicMap() {
        return draft.isPublic() && draft.status() == VindplaatsStatus.ACTIVE;
    }

    private static String text(MapAccessor value, String key) {
        return value.get(key).isNull() ? null : value.get(key).asString();
    }
}
