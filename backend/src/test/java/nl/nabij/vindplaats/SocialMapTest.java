package nl.nabij.vindplaats;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeping the social map: administrators and team leads (in their team's area) create, correct and retire vindplaatsen
 * with typed errors and an audit event per change; anyone reads the public map without an account, and every other
 * operation still answers 401 to a request without credentials.
 */
@NabijIntegrationTest
class SocialMapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "Testplaats ";
    private static final String HAVENKWARTIER = "BU99010101";
    private static final String POORTPLEIN = "BU99010201";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlSource graphQlSource;

    @AfterEach
    void removeWhatTheTestsCreated() {
        driver.executableQuery("MATCH (v:Vindplaats) WHERE v.name STARTS WITH $prefix DETACH DELETE v")
                .withParameters(Map.of("prefix", PREFIX))
                .execute();
    }

    /** Over HTTP, allowing for the first use of each statement being planned on a busy machine. */
    private HttpGraphQlTester as(Role role) {
        return GraphQlClients.overHttp(port, TestUsers.demo(role))
                .mutate()
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static Map<String, Object> place(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", PREFIX + name);
        input.put("category", "COMMUNITY_CENTRE");
        input.put("neighbourhoodCode", HAVENKWARTIER);
        return input;
    }

    private String create(Role role, Map<String, Object> input) {
        return as(role).documentName("createVindplaats")
                .variable("input", input)
                .execute()
                .path("createVindplaats.vindplaats.id")
                .entity(String.class)
                .get();
    }

    /** A retry with the same clientMutationId returns the vindplaats the first call made, and makes no second. */
    @Test
    void aRetriedCreateVindplaatsReturnsTheFirstOne() {
        Map<String, Object> input = place("Buurthuis Herhaling");
        input.put("clientMutationId", "create-" + UUID.randomUUID());
        String first = create(Role.ADMINISTRATOR, input);

        assertThat(create(Role.ADMINISTRATOR, input)).isEqualTo(first);
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (v:Vindplaats {name: $name}) RETURN count(v)",
                        Map.of("name", PREFIX + "Buurthuis Herhaling")))
                .isEqualTo(1);
    }

    @Test
    void anAdministratorCreatesCorrectsAndRetiresAVindplaatsEachChangeAudited() {
        String changes = "MATCH (e:AuditEvent {action: 'CHANGE', username: 'admin', outcome: 'GRANTED'})"
                + " WHERE e.purpose IN ['vindplaats-create', 'vindplaats-update', 'vindplaats-retire']"
                + " AND e.subjects = [] RETURN count(e)";
        long changesBefore = TestGraph.count(driver, changes, Map.of());
        String granted =
                "MATCH (e:AuditEvent {action: 'CHANGE', outcome: 'GRANTED', username: 'admin'}) RETURN count(e)";
        long eventsBefore = TestGraph.count(driver, granted, Map.of());
        Map<String, Object> input = place("Buurtkamer Oost");
        input.remove("neighbourhoodCode");
        input.put("description", "Inloop met koffie.");
        input.put(
                "address",
                Map.of(
                        "street",
                        "Kadestraat",
                        "houseNumber",
                        20,
                        "houseNumberAddition",
                        "B",
                        "postcode",
                        "1311 hv",
                        "city",
                        "Nieuwstad"));
        input.put(
                "openingHours",
                List.of(
                        Map.of("weekday", "WEDNESDAY", "opens", "13:00", "closes", "17:00"),
                        Map.of("weekday", "MONDAY", "opens", "09:00", "closes", "12:00")));
        input.put("contact", Map.of("name", "Anna de Wit", "email", "anna@example.org", "phone", "020-1234567"));
        input.put("isPublic", true);
        input.put(
                "organisationId",
                SeedData.fromClasspath().organisations().get(4).id());

        GraphQlTester.Response created = as(Role.ADMINISTRATOR)
                .documentName("createVindplaats")
                .variable("input", input)
                .execute();

        created.path("createVindplaats.errors").entityList(Object.class).hasSize(0);
        created.path("createVindplaats.vindplaats.kind").entity(String.class).isEqualTo("FORMAL");
        created.path("createVindplaats.vindplaats.status").entity(String.class).isEqualTo("ACTIVE");
        // No neighbourhood given: the postcode's households lie in Havenkwartier.
        created.path("createVindplaats.vindplaats.neighbourhood.code")
                .entity(String.class)
                .isEqualTo(HAVENKWARTIER);
        created.path("createVindplaats.vindplaats.address.postcode")
                .entity(String.class)
                .isEqualTo("1311HV");
        created.path("createVindplaats.vindplaats.openingHours[*].weekday")
                .entityList(String.class)
                .containsExactly("MONDAY", "WEDNESDAY");
        created.path("createVindplaats.vindplaats.contact.name")
                .entity(String.class)
                .isEqualTo("Anna de Wit");
        created.path("createVindplaats.vindplaats.organisation.name")
                .entity(String.class)
                .isEqualTo(SeedData.fromClasspath().organisations().get(4).name());
        String id = created.path("createVindplaats.vindplaats.id")
                .entity(String.class)
                .get();

        Map<String, Object> correction = new HashMap<>();
        correction.put("id", id);
        correction.put("description", null);
        correction.put("isPublic", false);
        correction.put("openingHours", List.of());
        correction.put("organisationId", null);
        GraphQlTester.Response updated = as(Role.ADMINISTRATOR)
                .documentName("updateVindplaats")
                .variable("input", correction)
                .execute();

        updated.path("updateVindplaats.errors").entityList(Object.class).hasSize(0);
        updated.path("updateVindplaats.vindplaats.description").valueIsNull();
        updated.path("updateVindplaats.vindplaats.isPublic")
                .entity(Boolean.class)
                .isEqualTo(false);
        updated.path("updateVindplaats.vindplaats.openingHours")
                .entityList(Object.class)
                .hasSize(0);
        updated.path("updateVindplaats.vindplaats.organisation").valueIsNull();
        // What the correction left out stays.
        updated.path("updateVindplaats.vindplaats.address.postcode")
                .entity(String.class)
                .isEqualTo("1311HV");
        updated.path("updateVindplaats.vindplaats.contact.name")
                .entity(String.class)
                .isEqualTo("Anna de Wit");

        as(Role.ADMINISTRATOR)
                .documentName("retireVindplaats")
                .variable("id", id)
                .execute()
                .path("retireVindplaats.vindplaats.status")
                .entity(String.class)
                .isEqualTo("RETIRED");
        as(Role.ADMINISTRATOR)
                .documentName("retireVindplaats")
                .variable("id", id)
                .execute()
                .path("retireVindplaats.errors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_RETIRED");

        assertThat(TestGraph.count(driver, changes, Map.of())).isEqualTo(changesBefore + 3);
        assertThat(TestGraph.count(driver, granted, Map.of())).isEqualTo(eventsBefore + 3);
    }

    @Test
    void badInputIsATypedErrorNamingTheFieldAndWritesNothing() {
        long before = TestGraph.count(driver, "MATCH (v:Vindplaats) RETURN count(v)", Map.of());
        String granted = "MATCH (e:AuditEvent {outcome: 'GRANTED'}) RETURN count(e)";
        String refused =
                "MATCH (e:AuditEvent {outcome: 'DENIED'}) WHERE e.basis STARTS WITH 'refused:' RETURN count(e)";
        long events = TestGraph.count(driver, granted, Map.of());
        long refusals = TestGraph.count(driver, refused, Map.of());
        Map<String, Object> everythingWrong = new HashMap<>();
        everythingWrong.put("name", "x");
        everythingWrong.put("kind", "INFORMAL");
        everythingWrong.put("category", "SCHOOL");
        everythingWrong.put(
                "address", Map.of("street", "Kadestraat", "houseNumber", 0, "postcode", "13110", "city", "Nieuwstad"));
        everythingWrong.put("openingHours", List.of(Map.of("weekday", "MONDAY", "opens", "17:00", "closes", "9:00")));
        everythingWrong.put("contact", Map.of("email", "not an address", "phone", "call me"));
        everythingWrong.put("organisationId", "not-a-uuid");

        as(Role.ADMINISTRATOR)
                .documentName("createVindplaats")
                .variable("input", everythingWrong)
                .execute()
                .path("createVindplaats.errors[*].field")
                .entityList(String.class)
                .containsExactly(
                        "name",
                        "category",
                        "address.houseNumber",
                        "address.postcode",
                        "openingHours[0].closes",
                        "contact.email",
                        "contact.phone",
                        "organisationId")
                .path("createVindplaats.errors[*].code")
                .entityList(String.class)
                .containsExactly(
                        "NAME_LENGTH",
                        "CATEGORY_NOT_OF_KIND",
                        "HOUSE_NUMBER_RANGE",
                        "MALFORMED_POSTCODE",
                        "MALFORMED_TIME",
                        "MALFORMED_EMAIL",
                        "MALFORMED_PHONE",
                        "MALFORMED_ID");
        Map<String, Object> unknownNeighbourhood = place("Nergens");
        unknownNeighbourhood.put("neighbourhoodCode", "BU12345678");
        as(Role.ADMINISTRATOR)
                .documentName("createVindplaats")
                .variable("input", unknownNeighbourhood)
                .execute()
                .path("createVindplaats.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_NEIGHBOURHOOD");
        Map<String, Object> closesFirst = place("Verkeerd om");
        closesFirst.put("openingHours", List.of(Map.of("weekday", "FRIDAY", "opens", "17:00", "closes", "09:00")));
        as(Role.ADMINISTRATOR)
                .documentName("createVindplaats")
                .variable("input", closesFirst)
                .execute()
                .path("createVindplaats.errors[0].code")
                .entity(String.class)
                .isEqualTo("CLOSES_BEFORE_OPENS");
        as(Role.ADMINISTRATOR)
                .documentName("updateVindplaats")
                .variable("input", Map.of("id", "00000000-0000-0000-0000-000000000000", "name", "Anders"))
                .execute()
                .path("updateVindplaats.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_VINDPLAATS");
        Map<String, Object> nowhere = place("Zonder Buurt");
        nowhere.remove("neighbourhoodCode");
        as(Role.ADMINISTRATOR)
                .documentName("createVindplaats")
                .variable("input", nowhere)
                .execute()
                .path("createVindplaats.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("field", "neighbourhoodCode", "code", "NEIGHBOURHOOD_REQUIRED"));
        as(Role.ADMINISTRATOR)
                .documentName("retireVindplaats")
                .variable("id", "no-uuid")
                .execute()
                .path("retireVindplaats.errors[0].code")
                .entity(String.class)
                .isEqualTo("MALFORMED_ID");

        assertThat(TestGraph.count(driver, "MATCH (v:Vindplaats) RETURN count(v)", Map.of()))
                .isEqualTo(before);
        assertThat(TestGraph.count(driver, granted, Map.of())).isEqualTo(events);
        assertThat(TestGraph.count(driver, refused, Map.of()))
                .as("each refused attempt above is in the audit trail")
                .isEqualTo(refusals + 6);
    }

    @Test
    void aTeamLeadKeepsOnlyTheVindplaatsenOfTheirTeamsNeighbourhoods() {
        String own = create(Role.TEAM_LEAD, place("Havenplein"));
        assertThat(own).isNotNull();

        Map<String, Object> inPoort = place("Poortplein");
        inPoort.put("neighbourhoodCode", POORTPLEIN);
        as(Role.TEAM_LEAD)
                .documentName("createVindplaats")
                .variable("input", inPoort)
                .execute()
                .path("createVindplaats.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("field", "neighbourhoodCode", "code", "OUTSIDE_AREA"));
        as(Role.TEAM_LEAD)
                .documentName("updateVindplaats")
                .variable("input", Map.of("id", own, "neighbourhoodCode", POORTPLEIN))
                .execute()
                .path("updateVindplaats.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("field", "neighbourhoodCode", "code", "OUTSIDE_AREA"));
        String poortVindplaats = create(Role.ADMINISTRATOR, inPoort);
        as(Role.TEAM_LEAD)
                .documentName("retireVindplaats")
                .variable("id", poortVindplaats)
                .execute()
                .path("retireVindplaats.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("field", "id", "code", "OUTSIDE_AREA"));
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (v:Vindplaats {id: $id}) WHERE v.status = 'ACTIVE' RETURN count(v)",
                        Map.of("id", poortVindplaats)))
                .isEqualTo(1);

        as(Role.PROFESSIONAL)
                .documentName("createVindplaats")
                .variable("input", place("Niet van mij"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                error.getErrorType().toString())
                        .isEqualTo("FORBIDDEN")));
    }

    @Test
    void anyoneReadsThePublicSocialMapWithoutAnAccountAndSeesOnlyWhatIsPublic() throws Exception {
        Map<String, Object> open = place("Open Inloop");
        open.put("isPublic", true);
        open.put("description", "Iedereen welkom.");
        open.put(
                "address", Map.of("street", "Kadestraat", "houseNumber", 5, "postcode", "1311HV", "city", "Nieuwstad"));
        open.put("openingHours", List.of(Map.of("weekday", "TUESDAY", "opens", "10:00", "closes", "12:00")));
        open.put("contact", Map.of("name", "Geheime Contactpersoon", "email", "inloop@example.org"));
        String openId = create(Role.ADMINISTRATOR, open);
        create(Role.ADMINISTRATOR, place("Alleen Intern"));
        Map<String, Object> closed = place("Gesloten Inloop");
        closed.put("isPublic", true);
        String closedId = create(Role.ADMINISTRATOR, closed);
        as(Role.ADMINISTRATOR)
                .documentName("retireVindplaats")
                .variable("id", closedId)
                .execute();

        HttpResponse<String> answer = post(
                "{ socialMap(neighbourhoodCode: \"" + HAVENKWARTIER + "\", first: 100) { edges { node { id name kind"
                        + " category description address { street houseNumber postcode city } neighbourhoodCode"
                        + " neighbourhoodName openingHours { weekday opens closes } email phone } }"
                        + " pageInfo { hasNextPage } } }",
                null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode nodes =
                JSON.readTree(answer.body()).path("data").path("socialMap").path("edges");
        List<String> names = new ArrayList<>();
        nodes.forEach(edge -> names.add(edge.path("node").path("name").asString()));
        assertThat(names)
                .contains(PREFIX + "Open Inloop")
                .doesNotContain(PREFIX + "Alleen Intern", PREFIX + "Gesloten Inloop");
        JsonNode mine = null;
        for (JsonNode edge : nodes) {
            if (edge.path("node").path("id").asString().equals(openId)) {
                mine = edge.path("node");
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("email").asString()).isEqualTo("inloop@example.org");
        assertThat(mine.path("neighbourhoodName").asString()).isEqualTo("Havenkwartier");
        assertThat(mine.path("openingHours").get(0).path("weekday").asString()).isEqualTo("TUESDAY");
        assertThat(answer.body()).doesNotContain("Geheime Contactpersoon");

        // The public type has no field for a contact person, an organisation or a team at all.
        assertThat(post("{ socialMap { edges { node { contact { name } } } } }", null)
                        .body())
                .contains("ValidationError")
                .doesNotContain("Geheime Contactpersoon");
        // Signed in, staff see the contact on the vindplaats itself.
        as(Role.TEAM_LEAD)
                .documentName("vindplaatsContact")
                .variable("id", openId)
                .execute()
                .path("vindplaats.contact.name")
                .entity(String.class)
                .isEqualTo("Geheime Contactpersoon");
        assertThat(post("{ apiVersion }", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutCredentialsEveryOperationButThePublicOnesIs401() throws Exception {
        GraphQLSchema schema = graphQlSource.schema();
        Map<String, String> documents = new HashMap<>();
        documents.putAll(documents("query", schema.getQueryType()));
        documents.putAll(documents("mutation", schema.getMutationType()));
        assertThat(documents).containsKeys("household", "createVindplaats", "socialMap", "apiVersion");

        Map<String, Integer> statuses = new HashMap<>();
        for (Map.Entry<String, String> operation : documents.entrySet()) {
            HttpResponse<String> answer = post(operation.getValue(), null);
            statuses.put(operation.getKey(), answer.statusCode());
            if (answer.statusCode() == 401) {
                assertThat(answer.headers().firstValue("WWW-Authenticate"))
                        .as(operation.getKey())
                        .isPresent();
                assertThat(answer.body()).as(operation.getKey()).doesNotContain("\"data\"");
            }
        }
        Map<String, Integer> open = statuses.entrySet().stream()
                .filter(entry -> entry.getValue() != 401)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(open)
                .isEqualTo(Map.of(
                        "apiVersion", 200,
                        "socialMap", 200,
                        "registerAsVolunteer", 200,
                        "confirmVolunteerRegistration", 200,
                        "volunteerRegistration", 200,
                        "updateVolunteerRegistration", 200,
                        "deleteVolunteerRegistration", 200));

        // A public field does not carry a guarded one past the check: the whole request is 401.
        assertThat(post("{ socialMap { edges { node { name } } } vindplaatsen { edges { node { name } } } }", null)
                        .statusCode())
                .isEqualTo(401);
        // Without credentials the schema is not read either.
        assertThat(post("{ __schema { queryType { name } } }", null).statusCode())
                .isEqualTo(401);
        // Credentials that are sent are still checked.
        assertThat(post("{ socialMap { edges { node { name } } } }", "Basic YWRtaW46d3Jvbmc=")
                        .statusCode())
                .isEqualTo(401);
    }

    /** A valid document per root field: required arguments with a value of their type, the result's __typename. */
    private static Map<String, String> documents(String operation, GraphQLObjectType root) {
        Map<String, String> documents = new HashMap<>();
        for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
            StringBuilder document = new StringBuilder(operation).append(" { ").append(field.getName());
            List<String> arguments = field.getArguments().stream()
                    .filter(argument -> GraphQLTypeUtil.isNonNull(argument.getType()))
                    .map(argument -> argument.getName() + ": " + literal(argument.getType()))
                    .toList();
            if (!arguments.isEmpty()) {
                document.append('(').append(String.join(", ", arguments)).append(')');
            }
            if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType) {
                document.append(" { __typename }");
            }
            documents.put(field.getName(), document.append(" }").toString());
        }
        return documents;
    }

    private static String literal(GraphQLInputType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return "[" + literal((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            return object.getFieldDefinitions().stream()
                    .filter(field -> field.getType() instanceof GraphQLNonNull)
                    .map(field -> field.getName() + ": " + literal(field.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "Date" -> "\"2026-01-01\"";
            default -> "\"00000000-0000-0000-0000-000000000000\"";
        };
    }

    private HttpResponse<String> post(String query, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
