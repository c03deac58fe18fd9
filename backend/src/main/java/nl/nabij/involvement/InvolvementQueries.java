package nl.nabij.involvement;

import java.time.LocalDate;
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

    private static final String LOCK_PROFESSIONAL =
            """
            MATCH (p:Professional {id: $me})
            SET p.registering = true
            REMOVE p.registering
            RETURN EXISTS { (p)-[:SECONDED_TO]->(:Team) } AS value
            """;

    /** The involvement a retry's first call made, and whether the professional may still see whom it concerns. */
    private static final String REPLAY_BY_PROFESSIONAL =
            """
            MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement {clientMutationId: $clientMutationId})
                  -[:CONCERNS]->(t)-[:MEMBER_OF*0..1]->(h:Household)
            RETURN i.id AS id,
                   EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                  -[:CONCERNS]->(concerned) WHERE concerned = h OR (concerned)-[:MEMBER_OF]->(h) }
                   AS visible
            LIMIT 1
            """;

    /** {@link #REPLAY_BY_PROFESSIONAL} for a team lead. */
    private static final String REPLAY_BY_TEAM_LEAD =
            """
            MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement {clientMutationId: $clientMutationId})
                  -[:CONCERNS]->(t)-[:MEMBER_OF*0..1]->(h:Household)
            RETURN i.id AS id,
                   EXISTS { MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->
                                  (:Neighbourhood)<-[:LOCATED_IN]-(h) } AS visible
            LIMIT 1
            """;

    /** Whom it concerns, whether the professional may act on them by id, and an active twin if there is one. */
    private static final String TARGET_FOR_PROFESSIONAL =
            """
            MATCH (p:Professional {id: $me})
            OPTIONAL MATCH (byBsn:Resident {pseudonym: $pseudonym})
            OPTIONAL MATCH (byId:Resident {id: $residentId})
            OPTIONAL MATCH (household:Household {id: $householdId})
            WITH p, coalesce(byBsn, byId, household) AS t
            MATCH (t)-[:MEMBER_OF*0..1]->(h:Household)
            OPTIONAL MATCH (p)-[:REGISTERED]->(twin:Involvement {status: 'ACTIVE', domain: $domain})-[:CONCERNS]->(t)
            WITH p, t, h, head(collect(twin.id)) AS twin
            RETURN {target: t.id, resident: t:Resident, twin: twin,
                    visible: EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                            -[:CONCERNS]->(concerned) WHERE concerned = h OR (concerned)-[:MEMBER_OF]->(h) }
                   } AS value
            """;

    /** {@link #TARGET_FOR_PROFESSIONAL} for a team lead. */
    private static final String TARGET_FOR_TEAM_LEAD =
            """
            MATCH (p:Professional {id: $me})
            OPTIONAL MATCH (byBsn:Resident {pseudonym: $pseudonym})
            OPTIONAL MATCH (byId:Resident {id: $residentId})
            OPTIONAL MATCH (household:Household {id: $householdId})
            WITH p, coalesce(byBsn, byId, household) AS t
            MATCH (t)-[:MEMBER_OF*0..1]->(h:Household)
            OPTIONAL MATCH (p)-[:REGISTERED]->(twin:Involvement {status: 'ACTIVE', domain: $domain})-[:CONCERNS]->(t)
            WITH p, t, h, head(collect(twin.id)) AS twin
            RETURN {target: t.id, resident: t:Resident, twin: twin,
                    visible: EXISTS { MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->
                                            (:Neighbourhood)<-[:LOCATED_IN]-(h) }
                   } AS value
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

    /** A new involvement concerning one resident of a household. */
    private static final String CREATE_ON_RESIDENT =
            """
            MATCH (p:Professional {id: $me})-[:EMPLOYED_BY]->(o:Organisation)
            MATCH (t:Resident {id: $target})
            CREATE (p)-[:REGISTERED]->(i:Involvement {id: $id, domain: $domain, since: $since, status: 'ACTIVE',
                   expiresOn: $expiresOn, registeredAt: datetime(), clientMutationId: $clientMutationId,
                   legalBasis: $legalBasis})
                   -[:CONCERNS]->(t)
            CREATE (i)-[:ON_BEHALF_OF]->(o)
            WITH p, i
            OPTIONAL MATCH (p)-[:SECONDED_TO]->(team:Team) WHERE $throughTeam
            WITH i, head(collect(team)) AS team
            FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA]->(team))
            RETURN i.id AS value
            """;

    /** A new involvement concerning a household as a whole. */
    private static final String CREATE_ON_HOUSEHOLD =
            """
            MATCH (p:Professional {id: $me})-[:EMPLOYED_BY]->(o:Organisation)
            MATCH (t:Household {id: $target})
            CREATE (p)-[:REGISTERED]->(i:Involvement {id: $id, domain: $domain, since: $since, status: 'ACTIVE',
                   expiresOn: $expiresOn, registeredAt: datetime(), clientMutationId: $clientMutationId,
                   legalBasis: $legalBasis})
                   -[:CONCERNS]->(t)
            CREATE (i)-[:ON_BEHALF_OF]->(o)
            WITH p, i
            OPTIONAL MATCH (p)-[:SECONDED_TO]->(team:Team) WHERE $throughTeam
            WITH i, head(collect(team)) AS team
            FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA]->(team))
            RETURN i.id AS value
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

    private final Neo4jClient client;

    InvolvementQueries(Neo4jClient client) {
        this.client = client;
    }

    /** A registration found again by its clientMutationId. */
    record Replayed(String id, boolean visible) {}

    /**
     * Whom a registration concerns: a resident or a household, whether the professional may act on them by id, and
     * the professional's active involvement in the same domain with them, if any.
     */
    record Target(String id, boolean resident, boolean visible, String twin) {}

    /** A new involvement to write. */
    record NewInvolvement(
            String id,
            String professionalId,
            Target target,
            Domain domain,
            LegalBasis legalBasis,
            LocalDate since,
            LocalDate expiresOn,
            String clientMutationId,
            boolean throughTeam) {}

    /** The state of an involvement the user registered. */
    record Own(String status, LocalDate since) {

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** An involvement as read back, with the pseudonyms its audit event names. */
    record Read(Involvement involvement, List<String> subjects) {}

    /**
     * Locks the professional's node until the end of the transaction and tells whether they are seconded to a team;
     * empty when no professional has the id.
     */
    Optional<Boolean> lockProfessional(String professionalId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        return client.query(LOCK_PROFESSIONAL)
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .one();
    }

    /** The professional's registration with this clientMutationId, if they made one. */
    Optional<Replayed> replay(Role role, String professionalId, String clientMutationId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        parameters.put("clientMutationId", clientMutationId);
        return client.query(forRole(role, REPLAY_BY_PROFESSIONAL, REPLAY_BY_TEAM_LEAD))
                .bindAll(parameters)
                .fetchAs(Replayed.class)
                .mappedBy((types, row) -> new Replayed(
                        row.get("id").asString(), row.get("visible").asBoolean()))
                .one();
    }

    /**
     * The resident (by pseudonym or id) or household a registration concerns, exactly one of the three given; empty
     * when Nabij holds none.
     */
    Optional<Target> target(
            Role role, String professionalId, String pseudonym, String residentId, String householdId, Domain domain) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        parameters.put("pseudonym", pseudonym);
        parameters.put("residentId", residentId);
        parameters.put("householdId", householdId);
        parameters.put("domain", domain.name());
        return client.query(forRole(role, TARGET_FOR_PROFESSIONAL, TARGET_FOR_TEAM_LEAD))
                .bindAll(parameters)
                .fetchAs(Target.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Target(
                            value.get("target").asString(),
                            value.get("resident").asBoolean(),
                            value.get("visible").asBoolean(),
                            value.get("twin").asString(null));
                })
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

    /**
     * The statement for the role. Whether the professional may see household {@code h} is {@code HouseholdScope}'s
     * rule for their role, written out in one complete statement per role that registers involvements (see
     * {@code AccessRules}): a professional sees the households of their active involvements, a team lead those in the
     * neighbourhoods their team serves.
     */
    private static String forRole(Role role, String forProfessional, String forTeamLead) {
        return switch (role) {
            case PROFESSIONAL -> forProfessional;
            case TEAM_LEAD -> forTeamLead;
            default -> throw new IllegalArgumentException(role + " registers no involvements");
        };
    }

    void create(NewInvolvement involvement) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", involvement.professionalId());
        parameters.put("id", involvement.id());
        parameters.put("target", involvement.target().id());
        parameters.put("domain", involvement.domain().name());
        parameters.put("legalBasis", involvement.legalBasis().name());
        parameters.put("since", involvement.since());
        parameters.put("expiresOn", involvement.expiresOn());
        parameters.put("clientMutationId", involvement.clientMutationId());
        parameters.put("throughTeam", involvement.throughTeam());
        client.query(involvement.target().resident() ? CREATE_ON_RESIDENT : CREATE_ON_HOUSEHOLD)
                .bindAll(parameters)
                .run();
    }

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
