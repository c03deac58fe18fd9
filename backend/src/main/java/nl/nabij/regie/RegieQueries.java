package nl.nabij.regie;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.Professional;
import nl.nabij.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The regie statements: the household locked for a change, its coordinator, its plan's goals, recorded
 * collaboration, and the facts the regie rules weigh. Writes run in the caller's transaction, together with its audit
 * event.
 */
@Component
class RegieQueries {

    /** Locks the household until the end of the transaction when the professional may see it; names its members. */
    private static final String OPEN_HOUSEHOLD_FOR_PROFESSIONAL =
            """
            MATCH (h:Household {id: $householdId})
            WHERE EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                 -[:CONCERNS]->(concerned) WHERE concerned = h OR (concerned)-[:MEMBER_OF]->(h) }
            SET h.changing = true
            REMOVE h.changing
            RETURN [(h)<-[:MEMBER_OF]-(r:Resident) | r.pseudonym] AS value
            """;

    /** {@link #OPEN_HOUSEHOLD_FOR_PROFESSIONAL} for a team lead. */
    private static final String OPEN_HOUSEHOLD_FOR_TEAM_LEAD =
            """
            MATCH (h:Household {id: $householdId})
            WHERE EXISTS { MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->
                                 (:Neighbourhood)<-[:LOCATED_IN]-(h) }
            SET h.changing = true
            REMOVE h.changing
            RETURN [(h)<-[:MEMBER_OF]-(r:Resident) | r.pseudonym] AS value
            """;

    private static final String LOCK_PROFESSIONALS =
            """
            MATCH (p:Professional) WHERE p.id IN $professionals
            WITH p ORDER BY p.id
            SET p.changing = true
            REMOVE p.changing
            """;

    private static final String COORDINATION_STATE =
            """
            MATCH (h:Household {id: $householdId})
            OPTIONAL MATCH (c:Professional)-[:COORDINATES]->(h)
            RETURN {coordinator: c.id,
                    candidateKnown: EXISTS { MATCH (:Professional {id: $candidate}) },
                    candidateInvolved: EXISTS { MATCH (:Professional {id: $candidate})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }} AS value
            """;

    private static final String APPOINT_COORDINATOR =
            """
            MATCH (h:Household {id: $householdId})
            OPTIONAL MATCH (:Professional)-[old:COORDINATES]->(h)
            DELETE old
            WITH DISTINCT h
            MATCH (p:Professional {id: $candidate})
            CREATE (p)-[:COORDINATES {since: $today}]->(h)
            RETURN p {.id, .name, .discipline} AS value
            """;

    private static final String END_COORDINATION =
            """
            MATCH (:Professional)-[old:COORDINATES]->(:Household {id: $householdId})
            DELETE old
            """;

    private static final String PLAN_GOALS_OF_HOUSEHOLDS =
            """
            UNWIND $keys AS key
            MATCH (:Household {id: key})<-[:FOR]-(:Plan)<-[:PART_OF]-(g:Goal)-[:OWNED_BY]->(o:Professional)
            RETURN key, g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            ORDER BY coalesce(g.dueOn, date('9999-12-31')), g.title, g.id
            """;

    private static final String GOAL_OWNER =
            """
            MATCH (h:Household {id: $householdId})
            RETURN {known: EXISTS { MATCH (:Professional {id: $owner}) },
                    involved: EXISTS { MATCH (:Professional {id: $owner})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }} AS value
            """;

    /** The goal a user added before with this key, found from the household, which is locked by then. */
    private static final String GOAL_ADDED_BEFORE =
            """
            MATCH (:Household {id: $householdId})<-[:FOR]-(:Plan)<-[:PART_OF]-(g:Goal {clientMutationId: $clientMutationId})
                  -[:OWNED_BY]->(o:Professional)
            WHERE g.addedBy = $me
            RETURN g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            """;

    private static final String ADD_GOAL =
            """
            MATCH (h:Household {id: $householdId}), (o:Professional {id: $owner})
            MERGE (plan:Plan {householdId: h.id})
            ON CREATE SET plan.id = randomUUID()
            MERGE (plan)-[:FOR]->(h)
            CREATE (g:Goal {id: $id, title: $title, status: 'OPEN', startsOn: $startsOn, dueOn: $dueOn,
                    createdAt: datetime(), addedBy: $me, clientMutationId: $clientMutationId})-[:PART_OF]->(plan)
            CREATE (g)-[:OWNED_BY]->(o)
            RETURN g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            """;

    private static final String HOUSEHOLD_OF_GOAL =
            """
            MATCH (:Goal {id: $goalId})-[:PART_OF]->(:Plan)-[:FOR]->(h:Household)
            RETURN h.id AS value
            """;

    private static final String UPDATE_GOAL =
            """
            MATCH (g:Goal {id: $goalId})-[owned:OWNED_BY]->(current:Professional)
            SET g.status = coalesce($status, g.status), g.title = coalesce($title, g.title),
                g.dueOn = coalesce($dueOn, g.dueOn)
            WITH g, owned, current
            OPTIONAL MATCH (next:Professional {id: $owner})
            FOREACH (_ IN CASE WHEN next IS NULL OR next = current THEN [] ELSE [1] END |
                DELETE owned
                CREATE (g)-[:OWNED_BY]->(next))
            WITH g
            MATCH (g)-[:OWNED_BY]->(o:Professional)
            RETURN g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            """;

    private static final String BOTH_INVOLVED =
            """
            MATCH (h:Household {id: $householdId})
            RETURN {meInvolved: EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) },
                    otherKnown: EXISTS { MATCH (:Professional {id: $other}) },
                    otherInvolved: EXISTS { MATCH (:Professional {id: $other})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }}
                   AS value
            """;

    private static final String RECORD_COLLABORATION =
            """
            MATCH (me:Professional {id: $me}), (other:Professional {id: $other})
            MERGE (me)-[c:COLLABORATES_WITH]-(other)
            ON CREATE SET c.since = $on
            SET c.kind = $kind, c.lastOn = CASE WHEN c.lastOn IS NULL OR c.lastOn < $on THEN $on ELSE c.lastOn END
            RETURN other {.id, .name, .discipline} AS value
            """;

    private static final String REGIE_FACTS =
            """
            UNWIND $keys AS key
            MATCH (h:Household {id: key})
            CALL (h) {
              OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                             -[:ON_BEHALF_OF]->(o:Organisation)
              WITH o, min(i.since) AS arrived WHERE o IS NOT NULL
              WITH o, arrived ORDER BY arrived, o.name
              RETURN collect({name: o.name, kind: o.kind, arrived: arrived}) AS organisations
            }
            OPTIONAL MATCH (c:Professional)-[:COORDINATES]->(h)
            RETURN key, {organisations: organisations, coordinator: c.name,
                         coordinatorInvolved: c IS NOT NULL AND EXISTS { MATCH (:Professional {id: c.id})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                           -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }} AS value
            """;

    private final Neo4jClient client;
    private final GraphQueries queries;

    RegieQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /** A household locked for a change, with its members' pseudonyms. */
    record LockedHousehold(String householdId, List<String> memberPseudonyms) {}

    /** Who coordinates a household, and whether a candidate professional exists and is actively involved. */
    record CoordinationState(String coordinator, boolean candidateKnown, boolean candidateInvolved) {}

    /** Whether a goal's proposed owner exists and is actively involved. */
    record GoalOwner(boolean known, boolean involved) {}

    /** A goal to add to a household's plan, owned by an involved professional. */
    record NewGoal(
            String id,
            String householdId,
            String ownerId,
            String title,
            LocalDate startsOn,
            LocalDate dueOn,
            String addedBy,
            String clientMutationId) {}

    /** A change to a goal; a null field keeps its value. */
    record GoalChange(String goalId, PlanGoal.GoalStatus status, String title, LocalDate dueOn, String ownerId) {}

    /** Whether the user and the other professional are actively involved with a household, and the other exists. */
    record Involved(boolean me, boolean otherKnown, boolean other) {}

    /** An organisation actively involved with a household, since the first of its involvements began. */
    record Arrival(String name, String kind, LocalDate arrived) {}

    /** What the regie rules weigh for one household: organisations in order of arrival, and its coordinator. */
    record RegieFacts(List<Arrival> organisations, String coordinator, boolean coordinatorInvolved) {}

    /** Locks the professionals in the order of their ids, until the end of the transaction. */
    void lockProfessionals(List<String> professionalIds) {
        client.query(LOCK_PROFESSIONALS)
                .bind(professionalIds)
                .to("professionals")
                .run();
    }

    /**
     * Locks the household when a user in this role, acting as {@code scopeId}, may see it, and returns its members'
     * pseudonyms; empty when there is none or it lies outside their scope. Whether they may see it is
     * {@code HouseholdScope}'s rule for their role, written out in one complete statement per role that makes regie
     * changes (see {@code AccessRules}).
     */
    Optional<LockedHousehold> openHousehold(Role role, String scopeId, String householdId) {
        String cypher =
                switch (role) {
                    case PROFESSIONAL -> OPEN_HOUSEHOLD_FOR_PROFESSIONAL;
                    case TEAM_LEAD -> OPEN_HOUSEHOLD_FOR_TEAM_LEAD;
                    default -> throw new IllegalArgumentException(role + " makes no regie changes");
                };
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", scopeId);
        parameters.put("householdId", householdId);
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(LockedHousehold.class)
                .mappedBy((types, row) ->
                        new LockedHousehold(householdId, row.get("value").asList(v -> v.asString())))
                .one();
    }

    CoordinationState coordinationState(String householdId, String candidate) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", householdId);
        parameters.put("candidate", candidate);
        return client.query(COORDINATION_STATE)
                .bindAll(parameters)
                .fetchAs(CoordinationState.class)
                .mappedBy((types, row) -> new CoordinationState(
                        row.get("value").get("coordinator").asString(null),
                        row.get("value").get("candidateKnown").asBoolean(),
                        row.get("value").get("candidateInvolved").asBoolean()))
                .one()
                .orElseThrow();
    }

    /** Makes the candidate the household's one coordinator from {@code today}, ending any other. */
    Professional appointCoordinator(String householdId, String candidate, LocalDate today) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", householdId);
        parameters.put("candidate", candidate);
        parameters.put("today", today);
        return client.query(APPOINT_COORDINATOR)
                .bindAll(parameters)
                .fetchAs(Professional.class)
                .mappedBy((types, row) -> Professional.from(row.get("value")))
                .one()
                .orElseThrow();
    }

    void endCoordination(String householdId) {
        client.query(END_COORDINATION)
                .bindAll(Map.of("householdId", householdId))
                .run();
    }

    /** The plans of a batch of households, in one statement, goals ordered by due date. */
    <P> Map<P, List<PlanGoal>> planGoals(Collection<P> households, Function<P, String> idOf) {
        return queries.many(PLAN_GOALS_OF_HOUSEHOLDS, households, idOf, PlanGoal::from);
    }

    GoalOwner goalOwner(String householdId, String owner) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", householdId);
        parameters.put("owner", owner);
        return client.query(GOAL_OWNER)
                .bindAll(parameters)
                .fetchAs(GoalOwner.class)
                .mappedBy((types, row) -> new GoalOwner(
                        row.get("value").get("known").asBoolean(),
                        row.get("value").get("involved").asBoolean()))
                .one()
                .orElseThrow();
    }

    /** The goal the user added to the household's plan before with this clientMutationId, if any. */
    Optional<PlanGoal> goalAddedBefore(String householdId, String clientMutationId, String addedBy) {
        return client.query(GOAL_ADDED_BEFORE)
                .bindAll(Map.of("householdId", householdId, "clientMutationId", clientMutationId, "me", addedBy))
                .fetchAs(PlanGoal.class)
                .mappedBy((types, row) -> PlanGoal.from(row.get("value")))
                .one();
    }

    /** Adds the goal to the household's plan, making the plan when it is the first. */
    PlanGoal addGoal(NewGoal goal) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", goal.householdId());
        parameters.put("owner", goal.ownerId());
        parameters.put("id", goal.id());
        parameters.put("title", goal.title());
        parameters.put("startsOn", goal.startsOn());
        parameters.put("dueOn", goal.dueOn());
        parameters.put("me", goal.addedBy());
        parameters.put("clientMutationId", goal.clientMutationId());
        return writeGoal(ADD_GOAL, parameters);
    }

    Optional<String> householdOfGoal(String goalId) {
        return client.query(HOUSEHOLD_OF_GOAL)
                .bindAll(Map.of("goalId", goalId))
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .one();
    }

    PlanGoal updateGoal(GoalChange change) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("goalId", change.goalId());
        parameters.put(
                "status", change.status() == null ? null : change.status().name());
        parameters.put("title", change.title());
        parameters.put("dueOn", change.dueOn());
        parameters.put("owner", change.ownerId());
        return writeGoal(UPDATE_GOAL, parameters);
    }

    private PlanGoal writeGoal(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(PlanGoal.class)
                .mappedBy((types, row) -> PlanGoal.from(row.get("value")))
                .one()
                .orElseThrow();
    }

    Involved bothInvolved(String householdId, String me, String other) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", householdId);
        parameters.put("me", me);
        parameters.put("other", other);
        return client.query(BOTH_INVOLVED)
                .bindAll(parameters)
                .fetchAs(Involved.class)
                .mappedBy((types, row) -> new Involved(
                        row.get("value").get("meInvolved").asBoolean(),
                        row.get("value").get("otherKnown").asBoolean(),
                        row.get("value").get("otherInvolved").asBoolean()))
                .one()
                .orElseThrow();
    }

    /** Makes or updates the pair's one COLLABORATES_WITH relationship; returns the other professional. */
    Professional recordCollaboration(String me, String other, Collaborations.Kind kind, LocalDate on) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", me);
        parameters.put("other", other);
        parameters.put("kind", kind.name());
        parameters.put("on", on);
        return client.query(RECORD_COLLABORATION)
                .bindAll(parameters)
                .fetchAs(Professional.class)
                .mappedBy((types, row) -> Professional.from(row.get("value")))
                .one()
                .orElseThrow();
    }

    /** The regie facts of each household; households Nabij does not hold are absent. */
    <P> Map<P, RegieFacts> regieFacts(Collection<P> households, Function<P, String> idOf) {
        return queries.one(
                REGIE_FACTS,
                households,
                idOf,
                value -> new RegieFacts(
                        value.get("organisations")
                                .asList(o -> new Arrival(
                                        o.get("name").asString(),
                                        o.get("kind").asString(),
                                        o.get("arrived").asLocalDate())),
                        value.get("coordinator").asString(null),
                        value.get("coordinatorInvolved").asBoolean()));
    }
}
