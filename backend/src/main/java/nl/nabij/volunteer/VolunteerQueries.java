package nl.nabij.volunteer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The volunteer feature's Cypher: a volunteer's own registration through its links, the team lead's queue of
 * registrations in the neighbourhoods their team serves and the decisions on one, and the per-address registration
 * windows. Each runs in the caller's transaction.
 */
@Component
class VolunteerQueries {

    /** The status of a registration in one of the team lead's team's neighbourhoods; {@code $me} is their id. */
    private static final String DECIDE =
            """
            MATCH (:Professional {id: $me})-[:SECONDED_TO]->(team:Team)-[:SERVES]->(:Neighbourhood)
                  <-[:IN]-(r:VolunteerRegistration)
            WHERE r.id = $id
            WITH DISTINCT r
            RETURN r.status AS value
            """;

    /** The registrations with one status in the team lead's team's neighbourhoods, for a page of the queue. */
    private static final String QUEUE =
            """
            MATCH (:Professional {id: $me})-[:SECONDED_TO]->(team:Team)-[:SERVES]->(:Neighbourhood)
                  <-[:IN]-(r:VolunteerRegistration {status: $status})
            WITH DISTINCT r""";

    private static final String APPROVE =
            """
            MATCH (r:VolunteerRegistration {id: $id})
            SET r.status = 'APPROVED', r.reviewedAt = datetime(), r.reviewedBy = $username, r.vogCheckedOn = $vog
            WITH r
            OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats {status: 'PROPOSED'})
            SET v.status = 'ACTIVE'
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    private static final String REJECT =
            """
            MATCH (r:VolunteerRegistration {id: $id})
            SET r.status = 'REJECTED', r.reviewedAt = datetime(), r.reviewedBy = $username, r.rejectionReason = $reason
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    private static final String CONNECT =
            """
            MATCH (:Professional {id: $me})-[:SECONDED_TO]->(team:Team)-[:SERVES]->(:Neighbourhood)
                  <-[:IN]-(r:VolunteerRegistration {id: $id})-[:ACTS_FROM]->(v:Vindplaats)
            WITH DISTINCT team, r, v
            MERGE (team)-[c:IN_CONTACT_WITH]->(v)
            ON CREATE SET c.since = $today
            SET r.connectedAt = coalesce(r.connectedAt, datetime())
            WITH DISTINCT r
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /** Counts an attempt. Setting a property first takes the node's lock, so attempts at once each count. */
    private static final String COUNT_ATTEMPT =
            """
            MERGE (w:RegistrationWindow {key: $key})
            ON CREATE SET w.attempts = 0, w.until = datetime($until)
            SET w.counting = true
            WITH w, w.attempts + 1 AS attempts
            SET w.attempts = attempts
            REMOVE w.counting
            RETURN attempts AS value
            """;

    private static final String REMOVE_PAST_WINDOWS =
            """
            MATCH (w:RegistrationWindow) WHERE w.until <= datetime($now)
            DELETE w
            RETURN count(w) AS value
            """;

    /**
     * From the municipality's geography, never from its households: whether anyone Nabij holds lives at a postcode is
     * not for an anonymous form to tell.
     */
    private static final String NEIGHBOURHOOD_OF_POSTCODE =
            """
            MATCH (:PostcodeArea {code: left($postcode, 4)})-[:LIES_IN]->(n:Neighbourhood)
            RETURN n.code AS value LIMIT 1
            """;

    private static final String VINDPLAATS_EXISTS =
            """
            RETURN EXISTS { MATCH (:Vindplaats {id: $vindplaatsId}) } AS value
            """;

    private static final String CREATE_REGISTRATION =
            """
            MATCH (n:Neighbourhood {code: $neighbourhood})
            CREATE (r:VolunteerRegistration {id: $id, name: $name, email: $email, phone: $phone, offers: $offers,
                    availability: $availability, consentToBeContacted: true, status: 'UNCONFIRMED',
                    createdAt: datetime(), confirmBefore: datetime($confirmBefore),
                    confirmationHash: $confirmationHash, personalHash: $personalHash, retryHash: $retryHash})-[:IN]->(n)
            WITH r, n
            OPTIONAL MATCH (existing:Vindplaats {id: $vindplaatsId})
            FOREACH (_ IN CASE WHEN existing IS NULL THEN [] ELSE [1] END | CREATE (r)-[:ACTS_FROM]->(existing))
            FOREACH (_ IN CASE WHEN $proposedName IS NULL THEN [] ELSE [1] END |
                CREATE (r)-[:ACTS_FROM]->(:Vindplaats {id: $proposedId, name: $proposedName, kind: 'INFORMAL',
                        category: $proposedCategory, status: 'PROPOSED'})-[:LOCATED_IN]->(n))
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /**
     * The registration a first call with the same key and the same person made: it gets a new personal link, since
     * the first one exists only as a hash.
     */
    private static final String RETRIED =
            """
            MATCH (r:VolunteerRegistration {retryHash: $retryHash})
            SET r.personalHash = $personalHash
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value, r.confirmationNotMailed IS NULL AS mailed
            """;

    private static final String HAND_TO_ADMINISTRATOR =
            """
            MATCH (r:VolunteerRegistration {id: $id}) SET r.confirmationNotMailed = true
            """;

    /** A new confirmation link replaces the one that could not be mailed; the deadline stays. */
    private static final String ISSUE_CONFIRMATION_LINK =
            """
            MATCH (r:VolunteerRegistration {id: $id})
            WHERE r.status = 'UNCONFIRMED' AND r.confirmBefore > datetime($now)
            SET r.confirmationHash = $hash
            RETURN toString(r.confirmBefore) AS value
            """;

    private static final String CONFIRM =
            """
            MATCH (r:VolunteerRegistration {confirmationHash: $hash})
            WHERE r.status = 'UNCONFIRMED' AND r.confirmBefore > datetime($now)
            SET r.status = 'PENDING', r.confirmedAt = datetime($now)
            REMOVE r.confirmationHash, r.confirmationNotMailed
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    private static final String BY_PERSONAL_LINK =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /**
     * A correction. A new name, e-mail address or phone number of an approved volunteer is someone the team lead has
     * not approved: the registration goes back to review, and the certificate of conduct seen for the old identity no
     * longer counts.
     */
    private static final String CORRECT =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            WITH r, r.status = 'APPROVED'
                    AND (coalesce($name, r.name) <> r.name
                         OR coalesce($email, r.email, '') <> coalesce(r.email, '')
                         OR coalesce($phone, r.phone, '') <> coalesce(r.phone, '')) AS newIdentity
            SET r.name = coalesce($name, r.name), r.email = coalesce($email, r.email),
                r.phone = coalesce($phone, r.phone), r.offers = coalesce($offers, r.offers),
                r.availability = coalesce($availability, r.availability)
            FOREACH (_ IN CASE WHEN newIdentity THEN [1] ELSE [] END |
                SET r.status = 'PENDING', r.identityChangedAt = datetime(), r.vogCheckedOn = null,
                    r.reviewedAt = null, r.reviewedBy = null)
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /** The registration, and the place it proposed while it is still only a proposal of this registration. */
    private static final String DELETE_REGISTRATION =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats {status: 'PROPOSED'})
            WHERE NOT EXISTS { (v)<-[:ACTS_FROM]-(other:VolunteerRegistration) WHERE other <> r }
            DETACH DELETE r, v
            RETURN count(DISTINCT r) AS value
            """;

    private static final String REMOVE_EXPIRED =
            """
            MATCH (r:VolunteerRegistration) WHERE r.confirmBefore < datetime($now) AND r.status = 'UNCONFIRMED'
            OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats {status: 'PROPOSED'})
            WHERE NOT EXISTS { (v)<-[:ACTS_FROM]-(other:VolunteerRegistration) WHERE other <> r }
            DETACH DELETE r, v
            RETURN count(DISTINCT r) AS value
            """;

    private static final String UNCONFIRMED_FOR_ADMINISTRATOR =
            """
            MATCH (r:VolunteerRegistration {status: 'UNCONFIRMED'}) WHERE r.confirmationNotMailed
            RETURN r {.id, .name, .email, .phone, confirmBefore: toString(r.confirmBefore)} AS value
            ORDER BY r.confirmBefore
            """;

    private final Neo4jClient client;
    private final GraphQueries queries;

    VolunteerQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /** A new registration, as checked and normalised; hashes of its links, never the links. */
    record NewRegistration(
            String id,
            String neighbourhoodCode,
            String name,
            String email,
            String phone,
            List<String> offers,
            String availability,
            String confirmBefore,
            String confirmationHash,
            String personalHash,
            String retryHash,
            String vindplaatsId,
            String proposedId,
            String proposedName,
            String proposedCategory) {}

    /** A correction through the personal link with this hash; a null field keeps its value. */
    record RegistrationCorrection(
            String personalHash, String name, String email, String phone, List<String> offers, String availability) {}

    /** A registration a retry found again, and whether its confirmation link was mailed. */
    record Retried(VolunteerRegistration registration, boolean confirmationMailed) {}

    /** The neighbourhood the postcode's area lies in, from the municipality's geography. */
    Optional<String> neighbourhoodOfPostcodeArea(String postcode) {
        return text(NEIGHBOURHOOD_OF_POSTCODE, Map.of("postcode", postcode));
    }

    boolean vindplaatsExists(String id) {
        return client.query(VINDPLAATS_EXISTS)
                .bindAll(Map.of("vindplaatsId", id))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** Writes the registration, unconfirmed, with the place it acts from or the place it proposes. */
    VolunteerRegistration create(NewRegistration registration) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", registration.id());
        parameters.put("neighbourhood", registration.neighbourhoodCode());
        parameters.put("name", registration.name());
        parameters.put("email", registration.email());
        parameters.put("phone", registration.phone());
        parameters.put("offers", registration.offers());
        parameters.put("availability", registration.availability());
        parameters.put("confirmBefore", registration.confirmBefore());
        parameters.put("confirmationHash", registration.confirmationHash());
        parameters.put("personalHash", registration.personalHash());
        parameters.put("retryHash", registration.retryHash());
        parameters.put("vindplaatsId", registration.vindplaatsId());
        parameters.put("proposedId", registration.proposedId());
        parameters.put("proposedName", registration.proposedName());
        parameters.put("proposedCategory", registration.proposedCategory());
        return registration(CREATE_REGISTRATION, parameters).orElseThrow();
    }

    /** The registration a first call with this retry hash made, given a new personal link hash. */
    Optional<Retried> retried(String retryHash, String personalHash) {
        return client.query(RETRIED)
                .bindAll(Map.of("retryHash", retryHash, "personalHash", personalHash))
                .fetchAs(Retried.class)
                .mappedBy((types, row) -> new Retried(
                        VolunteerRegistration.from(row.get("value")),
                        row.get("mailed").asBoolean()))
                .one();
    }

    /** Marks the registration as one whose confirmation link an administrator passes on. */
    void handToAdministrator(String id) {
        client.query(HAND_TO_ADMINISTRATOR).bindAll(Map.of("id", id)).run();
    }

    /** Replaces the confirmation link's hash of a registration still waiting; its deadline, or empty. */
    Optional<String> issueConfirmationLink(String id, String now, String hash) {
        return text(ISSUE_CONFIRMATION_LINK, Map.of("id", id, "now", now, "hash", hash));
    }

    /** Confirms the registration whose confirmation link has this hash, while the link holds. */
    Optional<VolunteerRegistration> confirm(String hash, String now) {
        return registration(CONFIRM, Map.of("hash", hash, "now", now));
    }

    Optional<VolunteerRegistration> byPersonalHash(String hash) {
        return registration(BY_PERSONAL_LINK, Map.of("hash", hash));
    }

    Optional<VolunteerRegistration> correct(RegistrationCorrection correction) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("hash", correction.personalHash());
        parameters.put("name", correction.name());
        parameters.put("email", correction.email());
        parameters.put("phone", correction.phone());
        parameters.put("offers", correction.offers());
        parameters.put("availability", correction.availability());
        return registration(CORRECT, parameters);
    }

    /** Erases the registration of the personal link with this hash; how many (0 or 1). */
    long deleteByPersonalHash(String hash) {
        return count(DELETE_REGISTRATION, Map.of("hash", hash));
    }

    /** Removes the unconfirmed registrations whose link had expired at {@code now}; how many. */
    long removeUnconfirmedExpiredAt(String now) {
        return count(REMOVE_EXPIRED, Map.of("now", now));
    }

    List<SelfRegistration.Unconfirmed> unconfirmedForAdministrator() {
        return client
                .query(UNCONFIRMED_FOR_ADMINISTRATOR)
                .fetchAs(SelfRegistration.Unconfirmed.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new SelfRegistration.Unconfirmed(
                            value.get("id").asString(),
                            value.get("name").asString(),
                            value.get("email").asString(null),
                            value.get("phone").asString(null),
                            value.get("confirmBefore").asString());
                })
                .all()
                .stream()
                .toList();
    }

    private Optional<VolunteerRegistration> registration(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(VolunteerRegistration.class)
                .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                .one();
    }

    private Optional<String> text(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .one();
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** A page of the registrations with this status in the area of team lead {@code me}, oldest first. */
    Window<VolunteerRegistration> reviewQueue(String me, String status, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", me);
        parameters.put("status", status);
        return queries.page(
                QUEUE,
                "toString(r.createdAt)",
                "r.id",
                VolunteerRegistration.PROJECTION,
                parameters,
                subrange,
                VolunteerRegistration::from,
                registration -> new Paging.Position(registration.createdAt(), registration.id()));
    }

    /** The status of the registration, when it is in the area of team lead {@code me}. */
    Optional<String> statusInArea(String me, String id) {
        return client.query(DECIDE)
                .bindAll(Map.of("id", id, "me", me))
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .one();
    }

    VolunteerRegistration approve(String id, String username, LocalDate vogCheckedOn) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("username", username);
        parameters.put("vog", vogCheckedOn);
        return decided(APPROVE, parameters);
    }

    VolunteerRegistration reject(String id, String username, String reason) {
        return decided(REJECT, Map.of("id", id, "username", username, "reason", reason));
    }

    /** Puts the volunteer's place among the contacts of the team of team lead {@code me}. */
    VolunteerRegistration connect(String id, String me, LocalDate today) {
        return decided(CONNECT, Map.of("id", id, "me", me, "today", today));
    }

    private VolunteerRegistration decided(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(VolunteerRegistration.class)
                .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                .one()
                .orElseThrow();
    }

    /** Counts an attempt in the registration window {@code key}, which ends at {@code until}; the attempts so far. */
    long countAttempt(String key, String until) {
        return client.query(COUNT_ATTEMPT)
                .bindAll(Map.of("key", key, "until", until))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElseThrow();
    }

    /** Removes the registration windows that ended at or before {@code now}; how many. */
    long removeWindowsPastAt(String now) {
        return client.query(REMOVE_PAST_WINDOWS)
                .bindAll(Map.of("now", now))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }
}
