package nl.nabij.vindplaats.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official Open Referral HSDS 3.0 examples (vendored under {@code src/test/resources/hsds/official}) posted to the
 * import as a municipality would: every document is read in its own form, and none is answered as if it had been
 * imported when nothing was: each record that cannot be kept is reported by its id with a code.
 */
@NabijIntegrationTest
class HsdsOfficialExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";
    private static final String ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    private static final String LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";
    private static final String SECOND_SERVICE = "5b0c6a37-24a4-4b8e-9a3c-6f4a4f1d2e01";
    private static final String REMOTE_SERVICE = "5b0c6a37-24a4-4b8e-9a3c-6f4a4f1d2e02";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void removeTheExamplesRecords() {
        driver.executableQuery(
                        """
                        MATCH (x) WHERE (x:Vindplaats OR x:Organisation OR x:Service OR x:UnclassifiedRecord)
                          AND x.hsdsId IN $ids
                        DETACH DELETE x""")
                .withParameters(Map.of("ids", List.of(ORGANIZATION, LOCATION, SERVICE, SECOND_SERVICE, REMOTE_SERVICE)))
                .execute();
    }

    /**
     * What each official example holds, as a municipality would count it: services, locations and organizations. None
     * carries Nabij's taxonomies, so every location and organization is kept for a person to classify, and every
     * service with them.
     */
    @ParameterizedTest
    @CsvSource({
        "service_full,      1, 1, 1",
        "service_list,      1, 0, 1",
        "location,          0, 1, 0",
        "organization_full, 1, 1, 1",
        "organization_list, 0, 0, 1"
    })
    void eachOfficialJsonExampleIsKeptWholeAndFlaggedForClassification(
            String example, int services, int locations, int organizations) throws Exception {
        HttpResponse<String> answer =
                post("/hsds/import", example("examples/" + example + ".json"), "application/json");

        assertThat(answer.statusCode()).as(example + ": " + answer.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("errors").size()).as(report.toString()).isZero();
        assertKept(report.path("services"), services);
        assertKept(report.path("vindplaatsen"), locations);
        assertKept(report.path("organizations"), organizations);
        assertThat(count("MATCH (s:Service {needsClassification: true}) WHERE s.hsdsId = $id RETURN count(s)", SERVICE))
                .isEqualTo(services);
        assertThat(count(
                        "MATCH (r:UnclassifiedRecord) WHERE r.hsdsId IN [$id, $other] RETURN count(r)",
                        LOCATION,
                        ORGANIZATION))
                .isEqualTo(locations + organizations);
        assertThat(count("MATCH (v:Vindplaats {hsdsId: $id}) RETURN count(v)", LOCATION))
                .as("nothing unclassified is on the social map")
                .isZero();
        JsonNode again =
                JSON.readTree(post("/hsds/import", example("examples/" + example + ".json"), "application/json")
                        .body());
        assertThat(again.path("services").path("unchanged").asInt()).isEqualTo(services);
        assertThat(again.path("vindplaatsen").path("unchanged").asInt()).isEqualTo(locations);
        assertThat(again.path("organizations").path("unchanged").asInt()).isEqualTo(organizations);
        if (services > 0) {
            assertThat(JSON.readTree(get("/hsds/services?per_page=500&search=Counselling", false))
                            .path("contents")
                            .size())
                    .as("a service waiting for classification is not on the public map")
                    .isZero();
            JsonNode staff = JSON.readTree(get("/hsds/services/" + SERVICE, true));
            assertThat(staff.path("name").asString()).isEqualTo("Community Counselling");
            assertThat(HsdsApiTest.problems(staff)).isEmpty();
        }
    }

    @Test
    void administratorsListTheServicesWaitingForClassificationAndNoOneElseDoes() throws Exception {
        post("/hsds/import", example("examples/service_list.json"), "application/json");
        post("/hsds/import", example("examples/location.json"), "application/json");
        String query =
                """
                {"query": "{ servicesToClassify(first: 100) { edges { node { hsdsId name status withoutLocation organizationToClassify locationsToClassify } } } }"}
                """;

        JsonNode answer = JSON.readTree(graphQl(query, TestUsers.demo(Role.ADMINISTRATOR)));
        List<JsonNode> ours = new ArrayList<>();
        answer.path("data").path("servicesToClassify").path("edges").forEach(edge -> {
            if (edge.path("node").path("hsdsId").asString().equals(SERVICE)) {
                ours.add(edge.path("node"));
            }
        });
        assertThat(ours).as(answer.toString()).hasSize(1);
        assertThat(ours.getFirst().path("name").asString()).isEqualTo("Community Counselling");
        assertThat(ours.getFirst().path("withoutLocation").asBoolean()).isTrue();
        assertThat(ours.getFirst().path("organizationToClassify").asString()).isEqualTo(ORGANIZATION);
        assertThat(ours.getFirst().path("locationsToClassify")).isEmpty();

        JsonNode refused = JSON.readTree(graphQl(query, TestUsers.demo(Role.TEAM_LEAD)));
        assertThat(refused.path("data").path("servicesToClassify").isMissingNode()
                        || refused.path("data").path("servicesToClassify").isNull())
                .as(refused.toString())
                .isTrue();
        assertThat(refused.path("errors")).isNotEmpty();
    }

    private String graphQl(String body, NabijUser user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestUsers.bearer(user))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static void assertKept(JsonNode counts, int kept) {
        assertThat(counts.path("created").asInt()).as(counts.toString()).isEqualTo(kept);
        assertThat(counts.path("failed").asInt()).as(counts.toString()).isZero();
        assertThat(counts.path("needsClassification").asInt())
                .as(counts.toString())
                .isEqualTo(kept);
    }

    private long count(String cypher, String... ids) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", ids[0]);
        if (ids.length > 1) {
            parameters.put("other", ids[1]);
        }
        return driver.executableQuery(cypher)
                .withParameters(parameters)
                .execute()
                .records()
                .getFirst()
                .get(0)
                .asLong();
    }

    @Test
    void aDocumentWithNothingToImportSaysSoWithATypedError() throws Exception {
        for (String document : List.of("{}", "{\"version\": \"3.0\"}", "{\"total_items\": 0, \"contents\": []}")) {
            HttpResponse<String> answer = post("/hsds/import", document.getBytes(), "application/json");

            assertThat(answer.statusCode()).as(document).isEqualTo(422);
            assertThat(JSON.readTree(answer.body()).path("errors").findValuesAsString("code"))
                    .containsExactly(HsdsImport.NOTHING_IMPORTED);
        }
    }

    @Test
    void theOfficialCsvPackageIsReadAndItsRecordsAccountedFor() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (var file :
                    new PathMatchingResourcePatternResolver().getResources("classpath:hsds/official/examples/csv/*")) {
                out.putNextEntry(new ZipEntry("csv/" + file.getFilename()));
                try (InputStream in = file.getInputStream()) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }

        HttpResponse<String> answer = post("/hsds/import/datapackage", zip.toByteArray(), "application/zip");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("services").path("created").asInt())
                .as(report.toString())
                .isOne();
        assertThat(report.path("services").path("needsClassification").asInt()).isOne();
        assertThat(report.path("vindplaatsen").path("needsClassification").asInt())
                .isOne();
        assertThat(report.path("organizations").path("needsClassification").asInt())
                .isOne();
    }

    @Test
    void theOfficialServiceWithNabijsProfileAttributesImportsAndATemporarilyClosedOneStaysClosed() throws Exception {
        ObjectNode service = classified((ObjectNode) JSON.readTree(example("examples/service_full.json")));
        service.put("status", "temporarily closed");
        ObjectNode location =
                (ObjectNode) service.path("service_at_locations").get(0).path("location");

        HttpResponse<String> answer = post("/hsds/import", JSON.writeValueAsBytes(service), "application/json");

        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("errors").size()).as(report.toString()).isZero();
        assertThat(report.path("vindplaatsen").path("created").asInt()).isOne();
        assertThat(report.path("organizations").path("created").asInt()).isOne();
        String exported = get("/hsds/bundle", true);
        JsonNode bundle = JSON.readTree(exported);
        List<String> statuses = new ArrayList<>();
        for (JsonNode link : bundle.path("service_at_locations")) {
            if (link.path("location_id").asString().equals(LOCATION)) {
                for (JsonNode candidate : bundle.path("services")) {
                    if (candidate.path("id").equals(link.path("service_id"))) {
                        statuses.add(candidate.path("status").asString());
                    }
                }
            }
        }
        assertThat(statuses).containsExactly("temporarily closed");
        JsonNode original = JSON.readTree(example("examples/service_full.json"));
        JsonNode exportedService = JSON.readTree(get("/hsds/services/" + SERVICE, true));
        assertThat(exportedService.path("name"))
                .as("the service keeps its own name")
                .isEqualTo(original.path("name"));
        assertThat(exportedService.path("description").asString())
                .as("its own description, stripped as Nabij keeps text")
                .isEqualTo(original.path("description").asString().strip());
        assertThat(exportedService.path("organization").path("id").asString()).isEqualTo(ORGANIZATION);
        assertThat(exportedService
                        .path("service_at_locations")
                        .get(0)
                        .path("location")
                        .path("id")
                        .asString())
                .isEqualTo(LOCATION);
        assertThat(exportedService
                        .path("service_at_locations")
                        .get(0)
                        .path("location")
                        .path("name"))
                .isEqualTo(location.path("name"));
        assertThat(HsdsApiTest.problems(exportedService)).isEmpty();
        assertThat(JSON.readTree(get("/hsds/services?per_page=500&search=MyCity", false))
                        .path("contents")
                        .size())
                .as("the public map leaves a closed place out")
                .isZero();
    }

    @Test
    void twoServicesAtOneLocationAndOneAtNoneKeepTheirOwnIdentityThroughARoundTrip() throws Exception {
        ObjectNode first = classified((ObjectNode) JSON.readTree(example("examples/service_full.json")));
        ObjectNode second = first.deepCopy();
        second.put("id", SECOND_SERVICE);
        second.put("name", "Budget Coaching");
        second.put("description", "Help with money matters, at the same civic centre.");
        ((ObjectNode) second.path("service_at_locations").get(0))
                .put("id", UUID.randomUUID().toString());
        ((ObjectNode) second.path("service_at_locations").get(0)).put("service_id", SECOND_SERVICE);
        ObjectNode remote = first.deepCopy();
        remote.put("id", REMOTE_SERVICE);
        remote.put("name", "Counselling by Phone");
        remote.remove("service_at_locations");
        ObjectNode page = JSON.createObjectNode();
        page.putArray("contents").add(first).add(second).add(remote);

        JsonNode report = JSON.readTree(post("/hsds/import", JSON.writeValueAsBytes(page), "application/json")
                .body());

        assertThat(report.path("errors").size()).as(report.toString()).isZero();
        assertThat(report.path("services").path("created").asInt()).isEqualTo(3);
        assertThat(report.path("services").path("needsClassification").asInt())
                .as("the service at no location waits for a person to give it one")
                .isOne();
        assertThat(report.path("vindplaatsen").path("created").asInt()).isOne();
        assertThat(count("MATCH (s:Service)-[:OFFERED_AT]->(:Vindplaats {hsdsId: $id}) RETURN count(s)", LOCATION))
                .isEqualTo(2);
        JsonNode bundle = JSON.readTree(get("/hsds/bundle", true));
        Map<String, String> names = new HashMap<>();
        bundle.path("services")
                .forEach(service -> names.put(
                        service.path("id").asString(), service.path("name").asString()));
        assertThat(names)
                .containsEntry(SERVICE, "Community Counselling")
                .containsEntry(SECOND_SERVICE, "Budget Coaching")
                .containsEntry(REMOTE_SERVICE, "Counselling by Phone");
        List<String> atLocation = new ArrayList<>();
        bundle.path("service_at_locations").forEach(link -> {
            if (link.path("location_id").asString().equals(LOCATION)) {
                atLocation.add(link.path("service_id").asString());
            }
        });
        assertThat(atLocation).containsExactlyInAnyOrder(SERVICE, SECOND_SERVICE);
        for (String id : List.of(SERVICE, SECOND_SERVICE, REMOTE_SERVICE)) {
            assertThat(HsdsApiTest.problems(JSON.readTree(get("/hsds/services/" + id, true))))
                    .as(id)
                    .isEmpty();
        }

        // The staff export read back changes nothing: every service, place and organization is found as it was.
        ObjectNode ours = JSON.createObjectNode();
        ours.put("version", "3.0");
        List<String> wanted = List.of(ORGANIZATION, LOCATION, SERVICE, SECOND_SERVICE, REMOTE_SERVICE);
        for (String table : List.of("organizations", "services", "locations")) {
            var records = ours.putArray(table);
            bundle.path(table).forEach(record -> {
                if (wanted.contains(record.path("id").asString())) {
                    records.add(record);
                }
            });
        }
        var links = ours.putArray("service_at_locations");
        bundle.path("service_at_locations").forEach(link -> {
            if (wanted.contains(link.path("service_id").asString())) {
                links.add(link);
            }
        });
        JsonNode back = JSON.readTree(post("/hsds/import", JSON.writeValueAsBytes(ours), "application/json")
                .body());
        assertThat(back.path("errors").size()).as(back.toString()).isZero();
        assertThat(back.path("services").path("unchanged").asInt())
                .as(back.toString())
                .isEqualTo(3);
        assertThat(back.path("vindplaatsen").path("unchanged").asInt()).isOne();
        assertThat(back.path("organizations").path("unchanged").asInt()).isOne();

        // A record without Nabij's attributes leaves the place as it was classified, rather than flagging it again.
        ObjectNode bare = (ObjectNode) JSON.readTree(example("examples/service_full.json"));
        ObjectNode location =
                (ObjectNode) bare.path("service_at_locations").get(0).path("location");
        for (String field : List.of("addresses", "phones", "contacts", "schedules")) {
            location.remove(field);
        }
        JsonNode kept = JSON.readTree(post("/hsds/import", JSON.writeValueAsBytes(bare), "application/json")
                .body());
        assertThat(kept.path("errors").size()).as(kept.toString()).isZero();
        assertThat(kept.path("vindplaatsen").path("needsClassification").asInt())
                .isZero();
        assertThat(kept.path("organizations").path("needsClassification").asInt())
                .isZero();
        assertThat(count("MATCH (v:Vindplaats {hsdsId: $id, category: 'COMMUNITY_CENTRE'}) RETURN count(v)", LOCATION))
                .isOne();
    }

    /** The official service with Nabij's profile attributes on its organization and location, and no US address. */
    private ObjectNode classified(ObjectNode service) {
        String neighbourhood = driver.executableQuery(
                        "MATCH (n:Neighbourhood) RETURN n.code AS code ORDER BY code LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("code")
                .asString();
        ObjectNode organization = (ObjectNode) service.path("organization");
        organization.set(
                "attributes",
                JSON.valueToTree(List.of(
                        attribute("nabij-organisation-kind", "WELFARE"), attribute("nabij-care-line", "ZERO"))));
        ObjectNode location =
                (ObjectNode) service.path("service_at_locations").get(0).path("location");
        location.set(
                "attributes",
                JSON.valueToTree(List.of(
                        attribute("nabij-vindplaats-category", "COMMUNITY_CENTRE"),
                        attribute("cbs-buurtcode", neighbourhood),
                        attribute("nabij-visibility", "PUBLIC"))));
        for (String field : List.of("addresses", "phones", "contacts", "schedules")) {
            location.remove(field);
        }
        return service;
    }

    private static Map<String, Object> attribute(String taxonomy, String code) {
        return Map.of(
                "id",
                taxonomy + "-" + code,
                "taxonomy_term",
                Map.of(
                        "id",
                        taxonomy + ":" + code,
                        "code",
                        code,
                        "name",
                        code,
                        "description",
                        code,
                        "taxonomy",
                        taxonomy));
    }

    private static byte[] example(String path) throws IOException {
        try (InputStream in = new ClassPathResource("hsds/official/" + path).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", TestUsers.bearer(TestUsers.demo(Role.ADMINISTRATOR)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private String get(String path, boolean staff) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (staff) {
            request.header("Authorization", TestUsers.bearer(TestUsers.demo(Role.ADMINISTRATOR)));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
