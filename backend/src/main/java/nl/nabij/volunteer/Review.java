package nl.nabij.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Connection;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PageRequest;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team lead's review of the registrations in the neighbourhoods their team serves: approve (with the day a
 * certificate of conduct was seen, when one was), reject with a reason, and connect an approved volunteer to the team.
 * Connecting puts the volunteer's place among the team's contacts, which closes the network's "no contact with this
 * vindplaats" finding. Each decision is an audit event.
 */
@Service
class Review {

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

    private final Neo4jClient client;
    private final GraphQueries queries;
    private final AuditTrail trail;
    private final Clock clock;

    Review(Neo4jClient client, GraphQueries queries, AuditTrail trail, Clock clock) {
        this.client = client;
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of a decision: the registration as it now stands, or the errors. */
    record Decided(VolunteerRegistration registration, List<InputError> errors) {

        static Decided failed(String field, String code, String message) {
            return new Decided(null, List.of(new InputError(field, code, message)));
        }
    }

    /** The registrations of the team lead's area with the status asked for, oldest first. */
    Connection<VolunteerRegistration> queue(NabijUser lead, String status, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", lead.professionalId());
        parameters.put("status", status);
        return queries.page(
                QUEUE,
                "toString(r.createdAt)",
                "r.id",
                VolunteerRegistration.PROJECTION,
                parameters,
                request,
                VolunteerRegistration::from,
                registration -> new PageRequest.Cursor(registration.createdAt(), registration.id()));
    }

    @Transactional
    Decided approve(NabijUser lead, String id, LocalDate vogCheckedOn, String origin) {
        if (vogCheckedOn != null && vogCheckedOn.isAfter(LocalDate.now(clock))) {
            return Decided.failed("vogCheckedOn", "IN_FUTURE", "vogCheckedOn is today or earlier");
        }
        Optional<Decided> refused = refusal(lead, id, "PENDING");
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("username", lead.username());
        parameters.put("vog", vogCheckedOn);
        return recorded(APPROVE, parameters, lead, origin, "volunteer-approve");
    }

    @Transactional
    Decided reject(NabijUser lead, String id, String reason, String origin) {
        String stripped = reason == null ? "" : PlainText.normalized(reason);
        if (stripped.length() < RegistrationRules.SHORTEST_REASON
                || stripped.length() > RegistrationRules.LONGEST_REASON
                || !PlainText.isPlainLines(stripped)) {
            return Decided.failed("reason", "REASON_TEXT", "the reason is 3 to 500 characters of plain text");
        }
        Optional<Decided> refused = refusal(lead, id, "PENDING");
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("username", lead.username());
        parameters.put("reason", stripped);
        return recorded(REJECT, parameters, lead, origin, "volunteer-reject");
    }

    @Transactional
    Decided connect(NabijUser lead, String id, String origin) {
        Optional<Decided> refused = refusal(lead, id, "APPROVED");
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("me", lead.professionalId());
        parameters.put("today", LocalDate.now(clock));
        return recorded(CONNECT, parameters, lead, origin, "volunteer-connect");
    }

    private Optional<Decided> refusal(NabijUser lead, String id, String required) {
        String canonical = Ids.canonicalUuid(id);
        Optional<String> status = canonical == null
                ? Optional.empty()
                : client.query(DECIDE)
                        .bindAll(Map.of("id", canonical, "me", lead.professionalId()))
                        .fetchAs(String.class)
                        .mappedBy((types, row) -> row.get("value").asString())
                        .one();
        if (status.isEmpty()) {
            return Optional.of(Decided.failed(
                    "registrationId", "UNKNOWN_REGISTRATION", "no registration in your team's area has this id"));
        }
        if (!status.get().equals(required)) {
            return Optional.of(Decided.failed(
                    "registrationId",
                    "NOT_" + required,
                    "this registration is " + status.get().toLowerCase()));
        }
        return Optional.empty();
    }

    private Decided recorded(
            String cypher, Map<String, Object> parameters, NabijUser lead, String origin, String purpose) {
        VolunteerRegistration registration = client.query(cypher)
                .bindAll(parameters)
                .fetchAs(VolunteerRegistration.class)
                .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                .one()
                .orElseThrow();
        trail.append(lead, origin, List.of(new AuditEntry("CHANGE", true, purpose, "team-area", List.of())));
        return new Decided(registration, List.of());
    }
}
