package nl.nabij.regie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household's shared plan: goals, each owned by one of the professionals actively involved, with a status and
 * dates. Anyone who sees the household reads the plan; those involved and the team lead add and update goals.
 */
@Service
public class Plans {

    private static final int SHORTEST_TITLE = 3;
    private static final int LONGEST_TITLE = 200;

    private static final String OF_HOUSEHOLDS =
            """
            UNWIND $keys AS key
            MATCH (:Household {id: key})<-[:FOR]-(:Plan)<-[:PART_OF]-(g:Goal)-[:OWNED_BY]->(o:Professional)
            RETURN key, g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            ORDER BY coalesce(g.dueOn, date('9999-12-31')), g.title, g.id
            """;

    private static final String OWNER_INVOLVED =
            """
            MATCH (h:Household {id: $householdId})
            RETURN {known: EXISTS { MATCH (:Professional {id: $owner}) },
                    involved: EXISTS { MATCH (:Professional {id: $owner})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }} AS value
            """;

    /** The goal a user added before with this key, found from the household, which is locked by then. */
    private static final String REPLAY =
            """
            MATCH (:Household {id: $householdId})<-[:FOR]-(:Plan)<-[:PART_OF]-(g:Goal {clientMutationId: $clientMutationId})
                  -[:OWNED_BY]->(o:Professional)
            WHERE g.addedBy = $me
            RETURN g {.id, .title, .status, .startsOn, .dueOn, owner: o {.id, .name, .discipline}} AS value
            """;

    private static final String ADD =
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

    private static final String UPDATE =
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

    private final Neo4jClient client;
    private final GraphQueries queries;
    private final HouseholdChange change;

    Plans(Neo4jClient client, GraphQueries queries, HouseholdChange change) {
        this.client = client;
        this.queries = queries;
        this.change = change;
    }

    /** The plans of a batch of households, in one statement, goals ordered by due date. */
    public <P> Map<P, List<PlanGoal>> ofHouseholds(Collection<P> households, Function<P, String> idOf) {
        return queries.many(OF_HOUSEHOLDS, households, idOf, PlanGoal::from);
    }

    /** The result of a plan mutation: the goal as it now stands, or the errors that stopped it. */
    record Payload(PlanGoal goal, List<InputError> errors) {}

    /** The input of {@code addPlanGoal}. */
    record AddInput(
            String clientMutationId,
            String householdId,
            String title,
            String ownerId,
            LocalDate startsOn,
            LocalDate dueOn) {}

    /** The input of {@code updatePlanGoal}: fields left out keep their value. */
    record UpdateInput(String goalId, String title, PlanGoal.GoalStatus status, String ownerId, LocalDate dueOn) {}

    @Transactional
    Payload add(NabijUser user, AddInput input, String origin) {
        List<InputError> errors = new ArrayList<>(titleErrors(input.title(), true));
        if (input.startsOn() != null && input.dueOn() != null && input.dueOn().isBefore(input.startsOn())) {
            errors.add(new InputError("dueOn", "DUE_BEFORE_START", "dueOn is on or after startsOn"));
        }
        String owner = Ids.canonicalUuid(input.ownerId());
        if (owner == null) {
            errors.add(new InputError("ownerId", "MALFORMED_ID", "ownerId must be a UUID"));
        }
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        var household = change.open(user, Ids.canonicalUuid(input.householdId()), owner);
        if (household.isEmpty()) {
            return failed("householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id");
        }
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        if (clientMutationId != null) {
            Map<String, Object> key = Map.of(
                    "householdId", household.get().householdId(),
                    "clientMutationId", clientMutationId,
                    "me", user.username());
            Optional<PlanGoal> added = client.query(REPLAY)
                    .bindAll(key)
                    .fetchAs(PlanGoal.class)
                    .mappedBy((types, row) -> PlanGoal.from(row.get("value")))
                    .one();
            if (added.isPresent()) {
                change.replayed(user, origin, household.get(), "plan-goal-add-retry");
                return new Payload(added.get(), List.of());
            }
        }
        Optional<InputError> ownerError = ownerError(household.get().householdId(), owner);
        if (ownerError.isPresent()) {
            return new Payload(null, List.of(ownerError.get()));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", household.get().householdId());
        parameters.put("owner", owner);
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("title", input.title().strip());
        parameters.put("startsOn", input.startsOn());
        parameters.put("dueOn", input.dueOn());
        parameters.put("me", user.username());
        parameters.put("clientMutationId", clientMutationId);
        PlanGoal goal = write(ADD, parameters);
        change.recorded(user, origin, household.get(), "plan-goal-add");
        return new Payload(goal, List.of());
    }

    @Transactional
    Payload update(NabijUser user, UpdateInput input, String origin) {
        List<InputError> errors = new ArrayList<>(titleErrors(input.title(), false));
        String owner = Ids.canonicalUuid(input.ownerId());
        if (input.ownerId() != null && owner == null) {
            errors.add(new InputError("ownerId", "MALFORMED_ID", "ownerId must be a UUID"));
        }
        String goalId = Ids.canonicalUuid(input.goalId());
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        Optional<String> householdId = goalId == null
                ? Optional.empty()
                : client.query(HOUSEHOLD_OF_GOAL)
                        .bindAll(Map.of("goalId", goalId))
                        .fetchAs(String.class)
                        .mappedBy((types, row) -> row.get("value").asString())
                        .one();
        var household = householdId.flatMap(id -> change.open(user, id, owner));
        if (household.isEmpty()) {
            return failed("goalId", "UNKNOWN_GOAL", "no goal of a household you may see has this id");
        }
        if (owner != null) {
            Optional<InputError> ownerError = ownerError(household.get().householdId(), owner);
            if (ownerError.isPresent()) {
                return new Payload(null, List.of(ownerError.get()));
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("goalId", goalId);
        parameters.put("status", input.status() == null ? null : input.status().name());
        parameters.put("title", input.title() == null ? null : input.title().strip());
        parameters.put("dueOn", input.dueOn());
        parameters.put("owner", owner);
        PlanGoal goal = write(UPDATE, parameters);
        change.recorded(user, origin, household.get(), "plan-goal-update");
        return new Payload(goal, List.of());
    }

    /** Whether a goal's proposed owner exists and is actively involved. */
    private record Owner(boolean known, boolean involved) {}

    private Optional<InputError> ownerError(String householdId, String owner) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", householdId);
        parameters.put("owner", owner);
        Owner candidate = client.query(OWNER_INVOLVED)
                .bindAll(parameters)
                .fetchAs(Owner.class)
                .mappedBy((types, row) -> new Owner(
                        row.get("value").get("known").asBoolean(),
                        row.get("value").get("involved").asBoolean()))
                .one()
                .orElseThrow();
        if (!candidate.known()) {
            return Optional.of(new InputError("ownerId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
        }
        if (!candidate.involved()) {
            return Optional.of(new InputError(
                    "ownerId", "OWNER_NOT_INVOLVED", "a goal's owner is actively involved with the household"));
        }
        return Optional.empty();
    }

    private PlanGoal write(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(PlanGoal.class)
                .mappedBy((types, row) -> PlanGoal.from(row.get("value")))
                .one()
                .orElseThrow();
    }

    private static List<InputError> titleErrors(String title, boolean required) {
        if (title == null) {
            return required
                    ? List.of(new InputError("title", "TITLE_LENGTH", "title is 3 to 200 characters"))
                    : List.of();
        }
        String stripped = title.strip();
        if (stripped.length() < SHORTEST_TITLE || stripped.length() > LONGEST_TITLE) {
            return List.of(new InputError(
                    "title", "TITLE_LENGTH", "title is " + SHORTEST_TITLE + " to " + LONGEST_TITLE + " characters"));
        }
        if (!PlainText.isPlain(stripped)) {
            return List.of(new InputError(
                    "title", "TITLE_CHARACTERS", "title is plain text: no control or invisible characters, < or >"));
        }
        return List.of();
    }

    private static Payload failed(String field, String code, String message) {
        return new Payload(null, List.of(new InputError(field, code, message)));
    }
}
