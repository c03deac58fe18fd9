package nl.nabij.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * Walks every edge of the schema as each role, from every query the role may call, the way an outsider probing the
 * API would: each type the role reaches with data opens that type's fields in turn. Whatever answers with data is held
 * to the privacy requirements below, which are written from docs/explanation/access-control.md, not read from the
 * access rules' own tables. A new field or type is walked without a new test; a new required argument needs a sample
 * value.
 */
@NabijIntegrationTest
class SchemaWalkTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();
    private static final int DEEPEST = 8;

    /** Data about residents: for those with a need to know it, and for the residents themselves. */
    private static final Set<String> RESIDENT_DATA = Set.of(
            "Household",
            "Resident",
            "Involvement",
            "Consent",
            "PlanGoal",
            "OverlapSummary",
            "ProfessionalPair",
            "MyData",
            "AccessRecord");
    /** Working data of the professionals around households. */
    private static final Set<String> CASE_WORK =
            Set.of("Overlap", "CoordinatorSuggestion", "RegieFlag", "Notification");
    /** Where a resident may meet a professional or an organisation: around their own household. */
    private static final Set<String> RESIDENTS_MEET_STAFF_IN =
            Set.of("Household", "Involvement", "ProfessionalPair", "PlanGoal", "Consent");

    /** Whether a user in this role may ever receive an object of this type as a field of one of that parent type. */
    static boolean mayReceive(Role role, String type, String parent) {
        Set<Role> householdReaders = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.RESIDENT);
        if (RESIDENT_DATA.contains(type)) {
            return householdReaders.contains(role);
        }
        if (CASE_WORK.contains(type)) {
            return role == Role.PROFESSIONAL || role == Role.TEAM_LEAD;
        }
        return switch (type) {
            case "Professional", "Organisation" -> switch (role) {
                case VOLUNTEER, AUDITOR -> false;
                case RESIDENT -> RESIDENTS_MEET_STAFF_IN.contains(parent)
                        && !(type.equals("Organisation") && parent.equals("Household"));
                default -> true;
            };
            case "VindplaatsContact" -> EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ANALYST, Role.ADMINISTRATOR)
                    .contains(role);
            case "AuditEvent" -> role == Role.AUDITOR;
            case "Account", "Erasure" -> role == Role.ADMINISTRATOR;
            case "AccountGrant" -> role == Role.ADMINISTRATOR || role == Role.AUDITOR;
            default -> true;
        };
    }

    /** Values for the required arguments, by field and argument, that find something in the demo data. */
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("household.id", quoted(CASE.id()));
        SAMPLES.put("householdOfResident.bsn", quoted(CASE.members().getFirst().bsn()));
        SAMPLES.put("householdsAtAddress.postcode", quoted(CASE.postcode()));
        SAMPLES.put("householdsAtAddress.houseNumber", String.valueOf(CASE.houseNumber()));
        SAMPLES.put("households.neighbourhoodCode", quoted(CASE.neighbourhoodCode()));
        SAMPLES.put("professional.id", quoted(SEED.professionals().getFirst().id()));
        SAMPLES.put("organisation.id", quoted(SEED.organisations().getFirst().id()));
        SAMPLES.put("team.id", quoted(SEED.teams().getFirst().id()));
        SAMPLES.put("vindplaats.id", quoted(SEED.vindplaatsen().getFirst().id()));
        SAMPLES.put(
                "district.code", quoted(CASE.neighbourhoodCode().substring(0, 8).replace("BU", "WK")));
        SAMPLES.put("neighbourhood.code", quoted(CASE.neighbourhoodCode()));
        SAMPLES.put("overlaps.scope", "{neighbourhoodCode: " + quoted(CASE.neighbourhoodCode()) + "}");
        String district = quoted(CASE.neighbourhoodCode().substring(0, 8).replace("BU", "WK"));
        for (String area : List.of("neighbourhoodNetwork", "missingLinks", "clientism", "applicationWaiting")) {
            SAMPLES.put(area + ".code", district);
        }
        for (String comparison : List.of("compareNetworks", "compareSteering")) {
            SAMPLES.put(comparison + ".first", "{code: " + district + "}");
            SAMPLES.put(comparison + ".second", "{code: " + quoted(CASE.neighbourhoodCode()) + "}");
        }
        // A personal link is a secret of its volunteer: no walk can guess one, so this edge ends in null.
        SAMPLES.put("volunteerRegistration.token", quoted("not-a-link"));
    }

    @Autowired
    GraphQlSource graphQl;

    @LocalServerPort
    int port;

    /** One step down from a type: the field, its arguments as written in the document, and the type it leads to. */
    record Step(String parent, String field, String arguments, String type) {}

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void everyPathARoleCanWalkHoldsNothingItsNeedToKnowExcludes(Role role) throws Exception {
        NabijUser user = TestUsers.demo(role);
        GraphQLSchema schema = graphQl.schema();
        Deque<List<Step>> pending = new ArrayDeque<>();
        steps(schema.getQueryType(), List.of()).forEach(step -> pending.add(List.of(step)));
        Set<String> reached = new TreeSet<>();
        Set<String> walkedEdges = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        List<String> unwalkable = new ArrayList<>();

        while (!pending.isEmpty()) {
            List<Step> path = pending.poll();
            Step last = path.getLast();
            if (!walkedEdges.add(last.parent() + "." + last.field())) {
                continue;
            }
            if (last.arguments() == null) {
                unwalkable.add(last.parent() + "." + last.field());
                continue;
            }
            JsonNode data = GraphQlClients.answer(port, document(path), user).path("data");
            List<JsonNode> found = new ArrayList<>();
            collect(data, path, 0, found);
            if (found.isEmpty()) {
                continue;
            }
            if (!mayReceive(role, last.type(), last.parent())) {
                leaks.add(document(path));
            }
            if (reached.add(last.type()) && path.size() < DEEPEST) {
                GraphQLObjectType type = schema.getObjectType(last.type());
                for (Step next : steps(type, path)) {
                    List<Step> longer = new ArrayList<>(path);
                    longer.add(next);
                    pending.add(longer);
                }
            }
        }

        assertThat(unwalkable)
                .as("fields with a required argument that has no sample value")
                .isEmpty();
        assertThat(leaks).as(role + " received data its need to know excludes").isEmpty();
        assertThat(reached).as("the walk reached these types").isNotEmpty();
        if (role == Role.TEAM_LEAD || role == Role.RESIDENT) {
            assertThat(reached).contains("Household", "Involvement", "Professional");
        }
    }

    /** The object-typed fields of a type; arguments null when a required one has no sample. */
    private static List<Step> steps(GraphQLObjectType type, List<Step> path) {
        List<Step> steps = new ArrayList<>();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            GraphQLType target = GraphQLTypeUtil.unwrapAll(field.getType());
            if (!(target instanceof GraphQLObjectType object)) {
                continue;
            }
            boolean cycle = path.stream().anyMatch(step -> step.type().equals(object.getName()));
            if (cycle && !path.isEmpty()) {
                continue;
            }
            steps.add(new Step(type.getName(), field.getName(), arguments(field), object.getName()));
        }
        return steps;
    }

    private static String arguments(GraphQLFieldDefinition field) {
        List<String> written = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getName().equals("first")) {
                written.add("first: 3");
            } else if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                String sample = SAMPLES.get(field.getName() + "." + argument.getName());
                if (sample == null) {
                    return null;
                }
                written.add(argument.getName() + ": " + sample);
            }
        }
        return written.isEmpty() ? "" : "(" + String.join(", ", written) + ")";
    }

    private static String document(List<Step> path) {
        StringBuilder document = new StringBuilder("{ ");
        for (Step step : path) {
            document.append(step.field()).append(step.arguments()).append(" { ");
        }
        document.append("__typename");
        document.append(" }".repeat(path.size()));
        return document.append(" }").toString();
    }

    /** The objects at the end of the path in the answer, through any lists on the way. */
    private static void collect(JsonNode node, List<Step> path, int depth, List<JsonNode> found) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, depth, found));
            return;
        }
        if (depth == path.size()) {
            found.add(node);
            return;
        }
        collect(node.get(path.get(depth).field()), path, depth + 1, found);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
