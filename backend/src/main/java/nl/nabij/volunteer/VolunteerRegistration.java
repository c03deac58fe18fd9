package nl.nabij.volunteer;

import java.time.LocalDate;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * A registration as the volunteer and the reviewing team lead see it. The links are never part of it: only their
 * hashes are stored.
 *
 * @param status UNCONFIRMED until the link in the mail is followed, then PENDING until a team lead decides, and
 *     PENDING again when an approved volunteer gives a new name, e-mail address or phone number
 * @param place the vindplaats the volunteer acts from, existing or proposed by them
 * @param vogCheckedOn the day a certificate of conduct (VOG) was seen, when the team lead recorded one
 */
public record VolunteerRegistration(
        String id,
        String name,
        String email,
        String phone,
        String neighbourhoodCode,
        String neighbourhoodName,
        Place place,
        List<Offer> offers,
        String availability,
        String status,
        String createdAt,
        String rejectionReason,
        LocalDate vogCheckedOn,
        boolean connected) {

    /** The place a volunteer acts from. */
    public record Place(String id, String name, String category, String status) {}

    /** The projection every registration query returns; {@code r} is the registration. */
    static final String PROJECTION =
            """
            r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
               createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
               neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
               place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])}""";

    static VolunteerRegistration from(MapAccessor value) {
        Value place = value.get("place");
        return new VolunteerRegistration(
                value.get("id").asString(),
                value.get("name").asString(),
                value.get("email").asString(null),
                value.get("phone").asString(null),
                value.get("neighbourhood").get("code").asString(),
                value.get("neighbourhood").get("name").asString(),
                place.isNull()
                        ? null
                        : new Place(
                                place.get("id").asString(),
                                place.get("name").asString(),
                                place.get("category").asString(),
                                place.get("status").asString()),
                value.get("offers").asList(v -> Offer.valueOf(v.asString())),
                value.get("availability").asString(null),
                value.get("status").asString(),
                value.get("createdAt").asString(),
                value.get("rejectionReason").asString(null),
                value.get("vogCheckedOn").isNull()
                        ? null
                        : value.get("vogCheckedOn").asLocalDate(),
                value.get("connected").asBoolean());
    }
}
