package nl.nabij.vindplaats.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.nabij.security.Role;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paths the HSDS 3.0 API reference marks REQUIRED ({@code /}, {@code /services}, {@code /services/{id}}) with their
 * filters, checked against the official schemas of openreferral/specification vendored under
 * {@code src/test/resources/hsds/official} (their {@code $ref}s resolved from there), over the demo's social map.
 */
@NabijIntegrationTest
class HsdsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SERVICE =
            SCHEMAS.getSchema(SchemaLocation.of("classpath:hsds/official/schema/service.json"));
    private static final String CATEGORY_TAXONOMY = "nabij-vindplaats-category";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void forgetTheTimesTheTestsSet() {
        driver.executableQuery(
                        "MATCH (v:Vindplaats) WHERE v.modifiedAtByTest = true REMOVE v.modifiedAt, v.modifiedAtByTest")
                .execute();
    }

    @Test
    void theRootNamesTheVersionTheProfileAndTheOpenApiDescriptionAndBothAreServed() throws Exception {
        JsonNode root = json(get("/hsds", null), 200);

        assertThat(root.path("version").asString()).isEqualTo("3.0");
        assertThat(root.path("profile").asString()).isEqualTo("http://localhost:" + port + "/hsds/profile");
        assertThat(root.path("openapi_url").asString()).isEqualTo("http://localhost:" + port + "/hsds/openapi.json");
        JsonNode openapi = json(get("/hsds/openapi.json", null), 200);
        assertThat(openapi.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(openapi.path("paths").propertyNames()).contains("/", "/services", "/services/{id}");
        assertThat(openapi.path("info").path("title").asString()).isEqualTo("Nabij HSDS API");
        HttpResponse<String> profile = get("/hsds/profile", null);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains(CATEGORY_TAXONOMY, "cbs-buurtcode", "location.json");
        assertThat(json(get("/hsds/profile/location.json", null), 200)
                        .path("properties")
                        .has("attributes"))
                .isTrue();
        assertThat(get("/hsds/profile/secrets.json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyServiceAndEveryServiceByIdValidatesAgainstTheOfficialSchema() throws Exception {
        for (String reader : new String[] {null, "staff"}) {
            String authorization = reader == null ? null : staff();
            JsonNode page = json(get("/hsds/services?per_page=500", authorization), 200);
            if (reader != null) {
                assertThat(page.path("total_items").asInt()).isPositive();
            }
            List<String> problems = new ArrayList<>();
            for (JsonNode service : page.path("contents")) {
                problems.addAll(problems(service));
                JsonNode full = json(get("/hsds/services/" + service.path("id").asString(), authorization), 200);
                assertThat(full.path("id")).isEqualTo(service.path("id"));
                assertThat(full.path("organization").path("id")).isEqualTo(service.path("organization_id"));
                assertThat(full.path("service_at_locations").size()).isOne();
                problems.addAll(problems(full));
            }
            assertThat(problems).as("reader " + reader).isEmpty();
        }
        assertThat(get("/hsds/services/00000000-0000-0000-0000-000000000000", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void searchAndOrganizationAndTaxonomyFiltersAddUp() throws Exception {
        JsonNode all = services("");
        String name = all.get(0).path("name").asString();
        String word = name.split(" ")[0].toLowerCase();

        JsonNode found = services("search=" + encode(word));
        assertThat(found.findValuesAsString("name")).isNotEmpty().allSatisfy(match -> assertThat(
                        (match + " " + descriptionOf(all, match)).toLowerCase())
                .contains(word));

        String organization = all.get(0).path("organization_id").asString();
        JsonNode ofOrganization = services("organization_id=" + organization);
        assertThat(ofOrganization.findValuesAsString("organization_id"))
                .isNotEmpty()
                .containsOnly(organization);

        JsonNode locations =
                json(get("/hsds/locations?per_page=500", staff()), 200).path("contents");
        JsonNode categoryTerm = null;
        for (JsonNode attribute : locations.get(0).path("attributes")) {
            if (attribute.path("taxonomy_term").path("taxonomy").asString().equals(CATEGORY_TAXONOMY)) {
                categoryTerm = attribute.path("taxonomy_term");
            }
        }
        assertThat(categoryTerm).as("every location has its category").isNotNull();
        String category = categoryTerm.path("code").asString();
        long ofCategory = 0;
        for (JsonNode location : locations) {
            if (location.path("attributes").findValuesAsString("code").contains(category)) {
                ofCategory++;
            }
        }
        JsonNode ofTerm = services("taxonomy_term_id=" + categoryTerm.path("id").asString());
        assertThat(ofTerm.size()).isEqualTo((int) ofCategory);
        assertThat(services("taxonomy_id=" + CATEGORY_TAXONOMY).size()).isEqualTo(all.size());
        assertThat(services("taxonomy_id=nobody-s-taxonomy").size()).isZero();
        assertThat(services("taxonomy_id=" + CATEGORY_TAXONOMY + "&search=" + encode("no such words at all"))
                        .size())
                .as("filters are cumulative")
                .isZero();
    }

    @Test
    void modifiedAfterGivesWhatChangedSinceAndAMalformedTimeIsRefused() throws Exception {
        JsonNode all = services("");
        String changedName = all.get(0).path("name").asString();
        driver.executableQuery(
                        """
                        MATCH (v:Vindplaats {name: $name})
                        SET v.modifiedAt = datetime('2099-01-01T10:00:00Z'), v.modifiedAtByTest = true
                        """)
                .withParameters(Map.of("name", changedName))
                .execute();

        assertThat(services("modified_after=2099-01-01").findValuesAsString("name"))
                .containsExactly(changedName);
        assertThat(services("modified_after=" + encode("2099-01-01T10:00:00Z")).size())
                .isZero();
        assertThat(get("/hsds/services?modified_after=yesterday", staff()).statusCode())
                .isEqualTo(400);
    }

    /** The services staff see that pass the filters; the demo's places are not public, so staff see them all. */
    private JsonNode services(String query) throws Exception {
        return json(get("/hsds/services?per_page=500&" + query, staff()), 200).path("contents");
    }

    private static String staff() {
        return TestUsers.bearer(TestUsers.demo(Role.ADMINISTRATOR));
    }

    private static String descriptionOf(JsonNode services, String name) {
        for (JsonNode service : services) {
            if (service.path("name").asString().equals(name)) {
                return service.path("description").asString("");
            }
        }
        return "";
    }

    static List<String> problems(JsonNode service) {
        List<String> problems = new ArrayList<>();
        for (Error error : SERVICE.validate(service)) {
            problems.add(service.path("id").asString() + ": " + error);
        }
        return problems;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
