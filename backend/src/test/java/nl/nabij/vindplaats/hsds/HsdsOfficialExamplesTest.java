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
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.nabij.security.Role;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void removeTheExamplesRecords() {
        driver.executableQuery("MATCH (x) WHERE (x:Vindplaats OR x:Organisation) AND x.hsdsId IN $ids DETACH DELETE x")
                .withParameters(Map.of("ids", List.of(ORGANIZATION, LOCATION)))
                .execute();
    }

    @Test
    void eachOfficialJsonExampleIsReadInItsOwnFormAndEveryRecordIsAccountedFor() throws Exception {
        for (String example :
                List.of("service_full", "service_list", "location", "organization_full", "organization_list")) {
            HttpResponse<String> answer =
                    post("/hsds/import", example("examples/" + example + ".json"), "application/json");
            assertThat(answer.statusCode()).as(example + ": " + answer.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(answer.body());
            int imported = report.path("organizations").path("created").asInt()
                    + report.path("vindplaatsen").path("created").asInt();
            assertThat(imported + report.path("errors").size())
                    .as(example + " is not answered with nothing said: " + report)
                    .isPositive();
            // Without Nabij's profile attributes the records are reported one by one, naming what is missing.
            assertThat(report.path("errors").findValuesAsString("code"))
                    .as(example + ": " + report)
                    .contains("UNCLASSIFIED");
        }
        JsonNode service = JSON.readTree(post("/hsds/import", example("examples/service_full.json"), "application/json")
                .body());
        assertThat(service.path("errors").findValuesAsString("id")).contains(ORGANIZATION, LOCATION);
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
        assertThat(report.path("errors").size()).as(report.toString()).isPositive();
        assertThat(report.path("errors").findValuesAsString("code")).contains("UNCLASSIFIED");
    }

    @Test
    void theOfficialServiceWithNabijsProfileAttributesImportsAndATemporarilyClosedOneStaysClosed() throws Exception {
        String neighbourhood = driver.executableQuery(
                        "MATCH (n:Neighbourhood) RETURN n.code AS code ORDER BY code LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("code")
                .asString();
        ObjectNode service = (ObjectNode) JSON.readTree(example("examples/service_full.json"));
        service.put("status", "temporarily closed");
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
        location.remove("addresses");
        location.remove("phones");
        location.remove("contacts");
        location.remove("schedules");

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
