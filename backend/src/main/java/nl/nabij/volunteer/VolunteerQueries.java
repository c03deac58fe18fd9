package nl.nabij.volunteer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The volunteer feature's Cypher apart from self-registration: the team lead's queue of registrations in the
 * neighbourhoods their team serves and the decisions on one, and the per-address registration windows. Each runs in
 * the caller's transaction.
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

    private final Neo4jClient client;
    private final GraphQueries queries;

    VolunteerQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
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
