package nl.nabij.involvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The involvement statements: registering, ending and renewing one, and the nightly lifecycle over all of them. Each
 * runs in the caller's transaction, together with its audit event.
 */
@Component
class InvolvementQueries {

    /** One involvement as {@link Involvement#from} reads it, with the pseudonyms of the residents it concerns. */
    private static final String READ =
            """
            MATCH (p:Professional)-[:REGISTERED]->(i:Involvement {id: $id})-[:ON_BEHALF_OF]->(o:Organisation)
            OPTIONAL MATCH (i)-[:VIA]->(t:Team)
            OPTIONAL MATCH (i)-[:CONCERNS]->(r:Resident)-[m:MEMBER_OF]->(:Household)
            RETURN {id: i.id, domain: i.domain, since: i.since, until: i.until, status: i.status,
                    expiresOn: i.expiresOn, endReason: i.endReason, legalBasis: i.legalBasis,
                    professional: p {.id, .name, .discipline}, organisation: o {.id, .name, .kind, .careLine},
                    team: t {.id, .name},
                    resident: CASE WHEN r IS NULL OR NOT $withResident THEN null
                                  ELSE r {.id, .displayName, .birthYear, role: m.role} END
                   } AS value,
                   CASE WHEN r IS NULL
                        THEN [(i)-[:CONCERNS]->(:Household)<-[:MEMBER_OF]-(x:Resident) | x.pseudonym]
                        ELSE [r.pseudonym] END AS subjects
            """;

    /**
     * Whole registrations in one statement, each row of {@code $registrations} in turn, each seeing what the rows before
     * it wrote (a group committed together, see {@link RegistrationWriter}, or a single one). It first locks the professional's node (a property set and removed again:
     * the lock stays until the end of the transaction, the node is unchanged), which serialises their registrations,
     * so a retry that races its first call finds what that call made. Then, in this order, as {@code outcome}:
     * {@code NOT_IN_A_TEAM} (through a team without being seconded to one; checked before the target is looked up, so
     * that no answer depends on whether Nabij holds the person), {@code REPLAYED} (the involvement an earlier call
     * with this clientMutationId made), {@code UNKNOWN_TARGET} (no such resident or household, or, named by id
     * rather than by a mandate, one the professional may not see), {@code EXISTING} (the professional's active twin in the domain) or
     * {@code CREATED}. The involvement is read back as {@link #READ} does, naming whom it concerns unless a replay's professional may no
     * longer see them.
     *
     * <p>Whether the professional may see household {@code h} is {@code HouseholdScope}'s rule for the roles that
     * register involvements (see {@code AccessRules}), written out here: a professional sees the households of their
     * active involvements, a team lead those in the neighbourhoods their team serves.
     */
    private static final String REGISTER =
            """
            UNWIND $registrations AS r
            CALL (r) {
              MATCH (p:Professional {id: r.me})
              SET p.registering = true
              REMOVE p.registering
              WITH p, EXISTS { (p)-[:SECONDED_TO]->(:Team) } AS seconded
              OPTIONAL CALL (p, r) {
                MATCH (p)-[:REGISTERED]->(replayed:Involvement {clientMutationId: r.clientMutationId})
                      -[:CONCERNS]->(:Resident|Household)-[:MEMBER_OF*0..1]->(h:Household)
                RETURN replayed,
                       CASE r.role
                         WHEN 'TEAM_LEAD' THEN EXISTS { (p)-[:SECONDED_TO]->(:Team)-[:SERVES]->(:Neighbourhood)
                                                        <-[:LOCATED_IN]-(h) }
                         ELSE EXISTS { (h)<-[:MEMBER_OF*0..1]-(:Resident|Household)
                                       <-[:CONCERNS]-(:Involvement {status: 'ACTIVE'})<-[:REGISTERED]-(p) }
                       END AS replayVisible
                LIMIT 1
              }
              OPTIONAL CALL (p, r) {
                OPTIONAL MATCH (byBsn:Resident {pseudonym: r.pseudonym})
                OPTIONAL MATCH (byId:Resident {id: r.residentId})
                OPTIONAL MATCH (household:Household {id: r.householdId})
                WITH coalesce(byBsn, byId, household) AS t
                MATCH (t)-[:MEMBER_OF*0..1]->(h:Household)
                OPTIONAL MATCH (t)<-[:CONCERNS]-(twin:Involvement {status: 'ACTIVE', domain: r.domain})
                               <-[:REGISTERED]-(p)
                WITH t, h, head(collect(twin)) AS twin
                RETURN t, twin,
                       CASE r.role
                         WHEN 'TEAM_LEAD' THEN EXISTS { (p)-[:SECONDED_TO]->(:Team)-[:SERVES]->(:Neighbourhood)
                                                        <-[:LOCATED_IN]-(h) }
                         ELSE EXISTS { (h)<-[:MEMBER_OF*0..1]-(:Resident|Household)
                                       <-[:CONCERNS]-(:Involvement {status: 'ACTIVE'})<-[:REGISTERED]-(p) }
                       END AS visible
              }
              WITH p, replayed, replayVisible, t, twin,
                   CASE WHEN r.throughTeam AND NOT seconded THEN 'NOT_IN_A_TEAM'
                        WHEN replayed IS NOT NULL THEN 'REPLAYED'
                        WHEN t IS NULL OR (NOT r.mandated AND NOT visible) THEN 'UNKNOWN_TARGET'
                        WHEN twin IS NOT NULL THEN 'EXISTING'
                        ELSE 'CREATED' END AS outcome
              CALL (p, t, outcome, r) {
                MATCH (p)-[:EMPLOYED_BY]->(o:Organisation) WHERE outcome = 'CREATED'
                CREATE (p)-[:REGISTERED]->(i:Involvement {id: r.id, domain: r.domain, since: r.since, status: 'ACTIVE',
                       expiresOn: r.expiresOn, registeredAt: datetime(), clientMutationId: r.clientMutationId,
                       legalBasis: r.legalBasis})
                       -[:CONCERNS]->(t)
                CREATE (i)-[:ON_BEHALF_OF]->(o)
                WITH p, i
                OPTIONAL MATCH (p)-[:SECONDED_TO]->(team:Team) WHERE r.throughTeam
                WITH i, head(collect(team)) AS team
                FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA]->(team))
                RETURN i AS created
                UNION
                RETURN null AS created
              }
              WITH outcome, replayVisible, head(collect(coalesce(created, replayed, twin))) AS i
              OPTIONAL CALL (i, outcome, replayVisible) {
                MATCH (p:Professional)-[:REGISTERED]->(i)-[:ON_BEHALF_OF]->(o:Organisation)
                OPTIONAL MATCH (i)-[:VIA]->(team:Team)
                OPTIONAL MATCH (i)-[:CONCERNS]->(member:Resident)-[m:MEMBER_OF]->(:Household)
                RETURN {id: i.id, domain: i.domain, since: i.since, until: i.until, status: i.status,
                        expiresOn: i.expiresOn, endReason: i.endReason, legalBasis: i.legalBasis,
                        professional: p {.id, .name, .discipline}, organisation: o {.id, .name, .kind, .careLine},
                        team: team {.id, .name},
                        resident: CASE WHEN member IS NULL OR (outcome = 'REPLAYED' AND NOT replayVisible) THEN null
                                      ELSE member {.id, .displayName, .birthYear, role: m.role} END
                       } AS value,
                       CASE WHEN member IS NULL
                            THEN [(i)-[:CONCERNS]->(:Household)<-[:MEMBER_OF]-(x:Resident) | x.pseudonym]
                            ELSE [member.pseudonym] END AS subjects
              }
              RETURN outcome, value, subjects
            }
            RETURN r.id AS key, outcome, value, subjects
            """;

    private static final String OWN =
            """
            MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement {id: $id})
            RETURN {status: i.status, since: i.since} AS value
            """;

    private static final String END =
            """
            MATCH (i:Involvement {id: $id})
            SET i.status = 'ENDED', i.until = $until, i.endReason = $reason
            REMOVE i.expiresOn
            """;

    private static final String RENEW =
            """
            MATCH (i:Involvement {id: $id})
            SET i.expiresOn = $expiresOn
            """;

    private static final String ADOPT =
            """
            MATCH (i:Involvement {status: 'ACTIVE'}) WHERE i.expiresOn IS NULL
            SET i.expiresOn = $expiresOn
            RETURN count(i) AS value
            """;

    private static final String EXPIRE =
            """
            MATCH (i:Involvement) WHERE i.expiresOn < $today AND i.status = 'ACTIVE'
            SET i.status = 'ENDED', i.until = i.expiresOn, i.endReason = 'EXPIRED'
            REMOVE i.expiresOn
            RETURN count(i) AS value
            """;

    private static final String REMOVE =
            """
            MATCH (i:Involvement) WHERE i.until < $removeBefore AND i.status = 'ENDED'
            DETACH DELETE i
            RETURN count(i) AS value
            """;

    /**
     * The members born in a year who live at an address, with their household, for the registry to compare names with:
     * the candidates never leave the server (see {@link InvolvementRegistry}). Found through the address index.
     */
    private static final String MEMBERS_AT_ADDRESS =
            """
            MATCH (h:Household {postcode: $postcode, houseNumber: $houseNumber})
            WHERE $addition IS NULL OR h.houseNumberAddition = $addition
            MATCH (r:Resident {birthYear: $birthYear})-[:MEMBER_OF]->(h)
            RETURN r.id AS resident, h.id AS household, r.displayName AS name
            """;

    /** How many registrations by address the professional had refused in this hour (kept on their own node). */
    private static final String MEMBER_MISSES =
            """
            MATCH (p:Professional {id: $me})
            RETURN CASE WHEN p.memberMissHour = $hour THEN p.memberMisses ELSE 0 END AS value
            """;

    /** Counts one more refused registration by address in this hour; an earlier hour's count starts afresh. */
    private static final String COUNT_MEMBER_MISS =
            """
            MATCH (p:Professional {id: $me})
            SET p.memberMisses = CASE WHEN p.memberMissHour = $hour THEN p.memberMisses + 1 ELSE 1 END,
                p.memberMissHour = $hour
            """;

    private final Neo4jClient client;

    InvolvementQueries(Neo4jClient client) {
        this.client = client;
    }

    /**
     * A registration to make: at most one of the resident's pseudonym, the resident's id and the household's id names
     * whom it concerns (none only to find a retry's first result); {@code id} is the new involvement's, used only if
     * one is made. {@code mandated}: the professional named whom it concerns by what only someone with a mandate knows
     * (the BSN, or the address with the member's name and birth year), so it need not be someone they may see yet.
     */
    record NewInvolvement(
            String id,
            Role role,
            String professionalId,
            String pseudonym,
            String residentId,
            String householdId,
            boolean mandated,
            Domain domain,
            LegalBasis legalBasis,
            LocalDate since,
            LocalDate expiresOn,
            String clientMutationId,
            boolean throughTeam) {

        /** The same registration, now naming whom it concerns by a mandate: a resident, or a household as a whole. */
        NewInvolvement naming(String resident, String household) {
            return new NewInvolvement(
                    id,
                    role,
                    professionalId,
                    null,
                    resident,
                    household,
                    true,
                    domain,
                    legalBasis,
                    since,
                    expiresOn,
                    clientMutationId,
                    throughTeam);
        }
    }

    /** What {@link #register} did, in the order it checks: see {@link #REGISTER}. */
    enum Outcome {
        NOT_IN_A_TEAM,
        REPLAYED,
        UNKNOWN_TARGET,
        EXISTING,
        CREATED
    }

    /** A registration's outcome and, unless it was refused, the involvement as read back. */
    record Registered(Outcome outcome, Read read) {}

    /** The state of an involvement the user registered. */
    record Own(String status, LocalDate since) {

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** An involvement as read back, with the pseudonyms its audit event names. */
    record Read(Involvement involvement, List<String> subjects) {}

    /**
     * Registers each, or finds the registration a retry or an active twin names, in one statement and in order (see
     * {@link #REGISTER}): what each did, by its {@link NewInvolvement#id()}; a registration whose professional has no
     * node is missing from the answer.
     */
    Map<String, Registered> register(List<NewInvolvement> involvements) {
        List<Map<String, Object>> registrations = new ArrayList<>(involvements.size());
        for (NewInvolvement involvement : involvements) {
            if (involvement.role() != Role.PROFESSIONAL && involvement.role() != Role.TEAM_LEAD) {
                throw new IllegalArgumentException(involvement.role() + " registers no involvements");
            }
            Map<String, Object> registration = new HashMap<>();
            registration.put("me", involvement.professionalId());
            registration.put("role", involvement.role().name());
            registration.put("id", involvement.id());
            registration.put("pseudonym", involvement.pseudonym());
            registration.put("mandated", involvement.mandated());
            registration.put("residentId", involvement.residentId());
            registration.put("householdId", involvement.householdId());
            registration.put("domain", involvement.domain().name());
            registration.put("legalBasis", involvement.legalBasis().name());
            registration.put("since", involvement.since());
            registration.put("expiresOn", involvement.expiresOn());
            registration.put("clientMutationId", involvement.clientMutationId());
            registration.put("throughTeam", involvement.throughTeam());
            registrations.add(registration);
        }
        Map<String, Registered> registered = new HashMap<>();
        for (KeyedRegistration row : client.query(REGISTER)
                .bind(registrations)
                .to("registrations")
                .fetchAs(KeyedRegistration.class)
                .mappedBy((types, row) -> new KeyedRegistration(
                        row.get("key").asString(),
                        new Registered(
                                Outcome.valueOf(row.get("outcome").asString()),
                                row.get("value").isNull()
                                        ? null
                                        : new Read(
                                                Involvement.from(row.get("value")),
                                                row.get("subjects").asList(v -> v.asString())))))
                .all()) {
            registered.put(row.key(), row.registered());
        }
        return registered;
    }

    private record KeyedRegistration(String key, Registered registered) {}

    /** The involvement with this id if the professional registered it. */
    Optional<Own> own(String professionalId, String id) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        parameters.put("id", id);
        return client.query(OWN)
                .bindAll(parameters)
                .fetchAs(Own.class)
                .mappedBy((types, row) -> new Own(
                        row.get("value").get("status").asString(),
                        row.get("value").get("since").asLocalDate()))
                .one();
    }

    void end(String id, LocalDate until, EndReason reason) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("until", until);
        parameters.put("reason", reason.name());
        client.query(END).bindAll(parameters).run();
    }

    void renew(String id, LocalDate expiresOn) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("expiresOn", expiresOn);
        client.query(RENEW).bindAll(parameters).run();
    }

    /** The involvement, naming whom it concerns only {@code withResident}; empty when there is none. */
    Optional<Read> read(String id, boolean withResident) {
        return client.query(READ)
                .bindAll(Map.of("id", id, "withResident", withResident))
                .fetchAs(Read.class)
                .mappedBy((types, row) -> new Read(
                        Involvement.from(row.get("value")), row.get("subjects").asList(v -> v.asString())))
                .one();
    }

    /** A resident at an address as {@link #MEMBERS_AT_ADDRESS} finds them. */
    record Candidate(String residentId, String householdId, String name) {}

    /** The members born in {@code birthYear} at the address; any addition when {@code addition} is null. */
    List<Candidate> membersAtAddress(String postcode, int houseNumber, String addition, int birthYear) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("postcode", postcode);
        parameters.put("houseNumber", houseNumber);
        parameters.put("addition", addition);
        parameters.put("birthYear", birthYear);
        return List.copyOf(client.query(MEMBERS_AT_ADDRESS)
                .bindAll(parameters)
                .fetchAs(Candidate.class)
                .mappedBy((types, row) -> new Candidate(
                        row.get("resident").asString(),
                        row.get("household").asString(),
                        row.get("name").asString("")))
                .all());
    }

    /** The professional's refused registrations by address in the hour {@code hour} names. */
    long memberMisses(String professionalId, String hour) {
        return count(MEMBER_MISSES, Map.of("me", professionalId, "hour", hour));
    }

    void countMemberMiss(String professionalId, String hour) {
        client.query(COUNT_MEMBER_MISS)
                .bindAll(Map.of("me", professionalId, "hour", hour))
                .run();
    }

    /** Gives active involvements without an expiry this one; returns how many. */
    long adoptImported(LocalDate expiresOn) {
        return count(ADOPT, Map.of("expiresOn", expiresOn));
    }

    /** Ends, as EXPIRED, the active involvements whose expiry lies before {@code today}; returns how many. */
    long expire(LocalDate today) {
        return count(EXPIRE, Map.of("today", today));
    }

    /** Removes the involvements that ended before {@code removeBefore}; returns how many. */
    long removeEndedBefore(LocalDate removeBefore) {
        return count(REMOVE, Map.of("removeBefore", removeBefore));
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }
}
