package nl.nabij.vindplaats.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The social map in Open Referral HSDS 3.0: the sample (written from the specification) imports as JSON and as a
 * tabular data package with every field where it belongs; importing again changes nothing; a broken record is reported
 * while the others import; an export imported into a map without those records gives the same map back; and what is
 * exported has the fields HSDS requires.
 */
@NabijIntegrationTest
class HsdsExchangeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String BUURTKRACHT = "3f609aa0-bc1a-41f0-80b6-01aee11d61fc";
    static final String SAMEN_SPORTEN = "53057860-25a4-4c33-ae40-f4b290a819a3";
    static final String ANKERPLAATS = "8e262b72-e860-4532-a1b6-64eebebb7119";
    static final String SPORTINLOOP = "0af4b83b-2a48-4197-9d17-680cdefad75e";
    static final String WIJKMOEDER = "539b5b7f-f42f-43b9-86d3-f7d31cd2e69e";
    static final String REPAIR_CAFE = "f211deb1-2a5c-4fc4-a900-234ac99d6a46";
    private static final List<String> SAMPLE_ORGANIZATIONS = List.of(BUURTKRACHT, SAMEN_SPORTEN);
    private static final List<String> SAMPLE_LOCATIONS = List.of(ANKERPLAATS, SPORTINLOOP, WIJKMOEDER, REPAIR_CAFE);
    private static final List<String> SAMPLE_SERVICES = List.of(
            "2bacf73c-acff-4e91-9ee6-d9e5a24dfd1f",
            "54de4be0-0298-4b62-a90b-9ddd06bc42cf",
            "516720b2-02e0-436b-bae1-ac1165a8425d",
            "66c09041-1ace-4434-818f-6a55cb85262c");
    private static final String OWN_PLACE = "Testplaats Eigen Vindplaats";

    /** The fields HSDS 3.0 requires of each object (its schema's required list, and tabular_required). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "organizations", List.of("id", "name", "description"),
            "services", List.of("id", "name", "status", "organization_id"),
            "locations", List.of("id", "location_type"),
            "service_at_locations", List.of("id", "service_id", "location_id"),
            "addresses", List.of("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
            "contacts", List.of("id"),
            "phones", List.of("id", "number"),
            "schedules", List.of("id"),
            "attributes", List.of("id", "link_id", "link_entity", "taxonomy_term_id"),
            "taxonomy_term", List.of("id", "name", "description"));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @AfterEach
    void removeWhatTheTestsImported() {
        removeTestRecords();
    }

    private void removeTestRecords() {
        driver.executableQuery(
                        """
                        MATCH (v:Vindplaats) WHERE v.hsdsId IN $locations OR v.name = $own
                        DETACH DELETE v
                        """)
                .withParameters(Map.of("locations", SAMPLE_LOCATIONS, "own", OWN_PLACE))
                .execute();
        driver.executableQuery("MATCH (o:Organisation) WHERE o.hsdsId IN $organizations DETACH DELETE o")
                .withParameters(Map.of("organizations", SAMPLE_ORGANIZATIONS))
                .execute();
        driver.executableQuery(
                        """
                        MATCH (x) WHERE (x:Service AND x.hsdsId IN $services)
                          OR (x:UnclassifiedRecord AND x.hsdsId IN $organizations + $locations)
                        DETACH DELETE x""")
                .withParameters(Map.of(
                        "services",
                        SAMPLE_SERVICES,
                        "organizations",
                        SAMPLE_ORGANIZATIONS,
                        "locations",
                        SAMPLE_LOCATIONS))
                .execute();
    }

    /** Over HTTP, allowing for the first use of each statement being planned on a busy machine. */
    private HttpGraphQlTester graphQl(NabijUser user) {
        return GraphQlClients.overHttp(port, user)
                .mutate()
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The sample's tabular data package, zipped as a publisher would send it. */
    private static byte[] sampleDatapackage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : List.of(
                    "datapackage.json",
                    "organizations.csv",
                    "services.csv",
                    "locations.csv",
                    "service_at_location.csv",
                    "addresses.csv",
                    "contacts.csv",
                    "phones.csv",
                    "schedules.csv",
                    "attributes.csv",
                    "taxonomy_terms.csv")) {
                zip.putNextEntry(new ZipEntry("sample/" + file));
                zip.write(resource("hsds/datapackage/" + file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType, NabijUser user)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", TestUsers.bearer(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode importJson(byte[] bundle) throws Exception {
        HttpResponse<byte[]> answer =
                send("POST", "/hsds/import", bundle, "application/json", TestUsers.demo(Role.ADMINISTRATOR));
        assertThat(answer.statusCode())
                .as(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode importDatapackage(byte[] zip) throws Exception {
        HttpResponse<byte[]> answer =
                send("POST", "/hsds/import/datapackage", zip, "application/zip", TestUsers.demo(Role.ADMINISTRATOR));
        assertThat(answer.statusCode())
                .as(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private byte[] export(String path, NabijUser user) throws Exception {
        HttpResponse<byte[]> answer = send("GET", path, null, null, user);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static void assertCounts(JsonNode counts, long created, long updated, long unchanged, long failed) {
        assertThat(List.of(
                        counts.path("created").asLong(),
                        counts.path("updated").asLong(),
                        counts.path("unchanged").asLong(),
                        counts.path("failed").asLong()))
                .as(counts.toString())
                .containsExactly(created, updated, unchanged, failed);
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    private String nabijId(String hsdsId) {
        return driver.executableQuery("MATCH (v:Vindplaats {hsdsId: $id}) RETURN v.id")
                .withParameters(Map.of("id", hsdsId))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asString();
    }

    private JsonNode details(String hsdsId) {
        Object answer = graphQl(TestUsers.demo(Role.ADMINISTRATOR))
                .documentName("vindplaatsDetails")
                .variable("id", nabijId(hsdsId))
                .execute()
                .path("vindplaats")
                .entity(Object.class)
                .get();
        return JSON.valueToTree(answer);
    }

    @Test
    void theSampleImportsFieldForFieldAndImportingItAgainInEitherFormChangesNothing() throws Exception {
        byte[] sample = resource("hsds/sample.json");

        JsonNode first = importJson(sample);

        assertThat(first.path("errors")).as(first.toString()).isEmpty();
        assertCounts(first.path("organizations"), 2, 0, 0, 0);
        assertCounts(first.path("vindplaatsen"), 4, 0, 0, 0);

        JsonNode ankerplaats = details(ANKERPLAATS);
        assertThat(ankerplaats.path("name").asString()).isEqualTo("Buurtkamer De Ankerplaats");
        assertThat(ankerplaats.path("kind").asString()).isEqualTo("FORMAL");
        assertThat(ankerplaats.path("category").asString()).isEqualTo("COMMUNITY_CENTRE");
        assertThat(ankerplaats.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(ankerplaats.path("isPublic").asBoolean()).isTrue();
        assertThat(ankerplaats.path("description").asString())
                .isEqualTo("Inloop met koffie, een luisterend oor en hulp bij formulieren.");
        // No neighbourhood attribute: the postcode's households lie in Havenkwartier.
        assertThat(ankerplaats.path("neighbourhood").path("code").asString()).isEqualTo("BU99010101");
        assertThat(ankerplaats.path("address"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        {"street": "Kadestraat", "houseNumber": 12, "houseNumberAddition": "A",
                         "postcode": "1311HV", "city": "Nieuwstad"}
                        """));
        assertThat(ankerplaats.path("openingHours"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        [{"weekday": "MONDAY", "opens": "09:00", "closes": "12:00"},
                         {"weekday": "TUESDAY", "opens": "13:00", "closes": "17:00"},
                         {"weekday": "THURSDAY", "opens": "13:00", "closes": "17:00"}]
                        """));
        assertThat(ankerplaats.path("contact"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        {"name": "Noor Bakker", "email": "noor@buurtkracht.example", "phone": "+31 6 1234 5678"}
                        """));
        assertThat(ankerplaats.path("organisation"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        {"name": "Stichting Buurtkracht", "kind": "WELFARE", "careLine": "FIRST"}
                        """));

        JsonNode sportinloop = details(SPORTINLOOP);
        assertThat(sportinloop.path("neighbourhood").path("code").asString()).isEqualTo("BU99010204");
        assertThat(sportinloop.path("openingHours"))
                .isEqualTo(JSON.readTree("[{\"weekday\": \"SATURDAY\", \"opens\": \"10:00\", \"closes\": \"14:00\"}]"));
        assertThat(sportinloop.path("contact"))
                .isEqualTo(
                        JSON.readTree("{\"name\": null, \"email\": \"sport@samensporten.example\", \"phone\": null}"));
        assertThat(sportinloop.path("organisation").path("careLine").asString()).isEqualTo("ZERO");

        JsonNode wijkmoeder = details(WIJKMOEDER);
        assertThat(wijkmoeder.path("kind").asString()).isEqualTo("INFORMAL");
        assertThat(wijkmoeder.path("isPublic").asBoolean()).isFalse();
        assertThat(wijkmoeder.path("address").isNull()).isTrue();
        assertThat(wijkmoeder.path("organisation").isNull()).isTrue();
        assertThat(wijkmoeder.path("neighbourhood").path("code").asString()).isEqualTo("BU99010102");
        assertThat(wijkmoeder.path("contact"))
                .isEqualTo(
                        JSON.readTree("{\"name\": \"Fatima El Amrani\", \"email\": null, \"phone\": \"06-12345678\"}"));

        JsonNode repairCafe = details(REPAIR_CAFE);
        assertThat(repairCafe.path("status").asString()).isEqualTo("RETIRED");
        assertThat(repairCafe.path("description").asString())
                .isEqualTo("Samen spullen repareren, elke eerste zaterdag.");
        assertThat(repairCafe.path("neighbourhood").path("code").asString()).isEqualTo("BU99010103");

        long events = count("MATCH (e:AuditEvent {purpose: 'hsds-import'}) RETURN count(e)");
        JsonNode again = importJson(sample);
        assertCounts(again.path("organizations"), 0, 0, 2, 0);
        assertCounts(again.path("vindplaatsen"), 0, 0, 4, 0);
        JsonNode asTable = importDatapackage(sampleDatapackage());
        assertThat(asTable.path("errors")).as(asTable.toString()).isEmpty();
        assertCounts(asTable.path("organizations"), 0, 0, 2, 0);
        assertCounts(asTable.path("vindplaatsen"), 0, 0, 4, 0);
        assertThat(count("MATCH (e:AuditEvent {purpose: 'hsds-import'}) RETURN count(e)"))
                .isEqualTo(events);

        ObjectNode changed = (ObjectNode) JSON.readTree(sample);
        ((ObjectNode) changed.path("locations").get(0)).put("description", "Inloop, nu ook op vrijdag.");
        JsonNode correction = importJson(JSON.writeValueAsBytes(changed));
        assertCounts(correction.path("vindplaatsen"), 0, 1, 3, 0);
        assertThat(details(ANKERPLAATS).path("description").asString()).isEqualTo("Inloop, nu ook op vrijdag.");
        assertThat(count("MATCH (e:AuditEvent {purpose: 'hsds-import'}) RETURN count(e)"))
                .isEqualTo(events + 1);
    }

    @Test
    void theTabularDataPackageImportsOnItsOwn() throws Exception {
        JsonNode report = importDatapackage(sampleDatapackage());

        assertThat(report.path("errors")).as(report.toString()).isEmpty();
        assertCounts(report.path("organizations"), 2, 0, 0, 0);
        assertCounts(report.path("vindplaatsen"), 4, 0, 0, 0);
        assertThat(details(ANKERPLAATS).path("openingHours")).hasSize(3);
        assertThat(details(WIJKMOEDER).path("contact").path("phone").asString()).isEqualTo("06-12345678");
        assertThat(count("MATCH (e:AuditEvent {purpose: 'hsds-import', username: 'admin'}) RETURN count(e)"))
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void aBrokenRecordIsReportedByIdAndFieldWhileTheOthersImport() throws Exception {
        ObjectNode broken = (ObjectNode) JSON.readTree(resource("hsds/sample.json"));
        ((ObjectNode) broken.path("organizations").get(1)).remove("attributes");
        ((ObjectNode) broken.path("locations").get(0).path("addresses").get(0)).put("postal_code", "13110 HV");
        ((ObjectNode) broken.path("locations").get(2))
                .putArray("schedules")
                .addObject()
                .put("id", UUID.randomUUID().toString())
                .put("byday", "WE")
                .put("opens_at", "9 uur")
                .put("closes_at", "12:00");

        JsonNode report = importJson(JSON.writeValueAsBytes(broken));

        // The organization without Nabij's attributes is kept for a person to classify, and the place it runs with it.
        assertCounts(report.path("organizations"), 2, 0, 0, 0);
        assertThat(report.path("organizations").path("needsClassification").asInt())
                .isOne();
        assertCounts(report.path("vindplaatsen"), 2, 0, 0, 2);
        List<String> errors = new ArrayList<>();
        report.path("errors")
                .forEach(error -> errors.add(
                        error.path("record").asString() + " " + error.path("id").asString() + " "
                                + error.path("field").asString() + " "
                                + error.path("code").asString()));
        assertThat(errors)
                .containsExactly(
                        "location " + ANKERPLAATS + " addresses[0].postal_code MALFORMED_POSTCODE",
                        "location " + WIJKMOEDER + " schedules[0].opens_at MALFORMED_TIME",
                        "service " + SAMPLE_SERVICES.get(0) + " service_at_locations.location_id UNKNOWN_LOCATION",
                        "service " + SAMPLE_SERVICES.get(2) + " service_at_locations.location_id UNKNOWN_LOCATION");
        assertThat(count("MATCH (v:Vindplaats) WHERE v.hsdsId IN ['" + ANKERPLAATS + "', '" + WIJKMOEDER
                        + "'] RETURN count(v)"))
                .isZero();
        assertThat(count("MATCH (v:Vindplaats {hsdsId: '" + REPAIR_CAFE + "'}) RETURN count(v)"))
                .isEqualTo(1);
        assertThat(count("MATCH (o:Organisation {hsdsId: '" + SAMEN_SPORTEN + "'}) RETURN count(o)"))
                .isZero();
        assertThat(count("MATCH (:Service {needsClassification: true})-[:OFFERED_BY]->(:UnclassifiedRecord {hsdsId: '"
                        + SAMEN_SPORTEN + "'}) RETURN count(*)"))
                .isOne();

        HttpResponse<byte[]> notJson = send(
                "POST", "/hsds/import", "{not json".getBytes(), "application/json", TestUsers.demo(Role.ADMINISTRATOR));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(new String(notJson.body(), StandardCharsets.UTF_8)).contains("MALFORMED_BUNDLE");
        HttpResponse<byte[]> notZip = send(
                "POST",
                "/hsds/import/datapackage",
                "PK?".getBytes(),
                "application/zip",
                TestUsers.demo(Role.ADMINISTRATOR));
        assertThat(notZip.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        byte[] sample = resource("hsds/sample.json");
        assertThat(send("POST", "/hsds/import", sample, "application/json", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/hsds/import", sample, "application/json", TestUsers.demo(Role.TEAM_LEAD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/hsds/import/datapackage",
                                sampleDatapackage(),
                                "application/zip",
                                TestUsers.demo(Role.ANALYST))
                        .statusCode())
                .isEqualTo(403);
        assertThat(count("MATCH (o:Organisation) WHERE o.hsdsId IN ['" + BUURTKRACHT + "'] RETURN count(o)"))
                .isZero();
    }

    @Test
    void anExportImportedIntoAMapWithoutItsRecordsGivesTheSameMapBack() throws Exception {
        importJson(resource("hsds/sample.json"));
        NabijUser admin = TestUsers.demo(Role.ADMINISTRATOR);
        Map<String, Object> own = new HashMap<>();
        own.put("name", OWN_PLACE);
        own.put("category", "LIBRARY");
        own.put("neighbourhoodCode", "BU99010203");
        own.put(
                "address",
                Map.of(
                        "street",
                        "Rietlaan",
                        "houseNumber",
                        40,
                        "houseNumberAddition",
                        "2-hoog",
                        "postcode",
                        "1363 AB",
                        "city",
                        "Nieuwstad"));
        own.put("openingHours", List.of(Map.of("weekday", "SUNDAY", "opens", "12:00", "closes", "16:00")));
        own.put("contact", Map.of("name", "Bram Visser", "phone", "+31 20 123 4567"));
        own.put("isPublic", true);
        graphQl(admin)
                .documentName("createVindplaatsErrors")
                .variable("input", own)
                .execute()
                .path("createVindplaats.errors")
                .entityList(Object.class)
                .hasSize(0);
        long vindplaatsen = count("MATCH (v:Vindplaats) RETURN count(v)");
        long organisations = count("MATCH (o:Organisation) RETURN count(o)");

        long exportStarted = System.nanoTime();
        byte[] exported = export("/hsds/bundle", admin);
        long exportMillis = (System.nanoTime() - exportStarted) / 1_000_000;
        byte[] datapackage = export("/hsds/datapackage", admin);
        removeTestRecords();
        assertThat(count("MATCH (v:Vindplaats) RETURN count(v)")).isEqualTo(vindplaatsen - 5);

        JsonNode report = importJson(exported);

        assertThat(report.path("errors")).as(report.toString()).isEmpty();
        assertCounts(report.path("organizations"), 2, 0, organisations - 2, 0);
        assertCounts(report.path("vindplaatsen"), 5, 0, vindplaatsen - 5, 0);
        assertThat(JSON.readTree(export("/hsds/bundle", admin))).isEqualTo(JSON.readTree(exported));

        removeTestRecords();
        JsonNode fromTable = importDatapackage(datapackage);
        assertThat(fromTable.path("errors")).as(fromTable.toString()).isEmpty();
        assertCounts(fromTable.path("vindplaatsen"), 5, 0, vindplaatsen - 5, 0);
        assertThat(JSON.readTree(export("/hsds/bundle", admin))).isEqualTo(JSON.readTree(exported));
        assertThat(count("MATCH (v:Vindplaats) RETURN count(v)")).isEqualTo(vindplaatsen);
        assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isEqualTo(organisations);

        System.out.printf(
                "HSDS figures: %d organizations, %d locations; bundle %d bytes exported in %d ms, imported in %d ms;"
                        + " data package %d bytes imported in %d ms%n",
                organisations,
                vindplaatsen,
                exported.length,
                exportMillis,
                report.path("millis").asLong(),
                datapackage.length,
                fromTable.path("millis").asLong());
    }

    @Test
    void theExportHasEveryFieldHsdsRequiresAndItsReferencesResolve() throws Exception {
        importJson(resource("hsds/sample.json"));
        JsonNode bundle = JSON.readTree(export("/hsds/bundle", TestUsers.demo(Role.ANALYST)));

        assertThat(bundle.path("version").asString()).isEqualTo("3.0");
        Map<String, Set<String>> ids = new HashMap<>();
        for (String table : List.of("organizations", "services", "locations", "service_at_locations")) {
            ids.put(table, new HashSet<>());
            assertThat(bundle.path(table)).isNotEmpty();
            for (JsonNode record : bundle.path(table)) {
                assertRequired(table, record);
                ids.get(table).add(record.path("id").asString());
            }
        }
        for (JsonNode location : bundle.path("locations")) {
            for (String child : List.of("addresses", "contacts", "schedules", "attributes")) {
                location.path(child).forEach(record -> assertRequired(child, record));
            }
            location.path("contacts")
                    .forEach(contact -> contact.path("phones").forEach(phone -> assertRequired("phones", phone)));
            location.path("attributes")
                    .forEach(attribute -> assertRequired("taxonomy_term", attribute.path("taxonomy_term")));
            assertThat(ids.get("organizations"))
                    .contains(location.path("organization_id").asString());
        }
        for (JsonNode service : bundle.path("services")) {
            assertThat(ids.get("organizations"))
                    .contains(service.path("organization_id").asString());
            assertThat(service.path("status").asString()).isIn("active", "inactive", "defunct", "temporarily closed");
        }
        for (JsonNode link : bundle.path("service_at_locations")) {
            assertThat(ids.get("services")).contains(link.path("service_id").asString());
            assertThat(ids.get("locations")).contains(link.path("location_id").asString());
        }

        Map<String, String> files = unzip(export("/hsds/datapackage", TestUsers.demo(Role.ANALYST)));
        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        assertThat(descriptor.path("profile").asString()).isEqualTo("tabular-data-package");
        Map<String, String> tables = Map.of(
                "organizations.csv", "organizations",
                "services.csv", "services",
                "locations.csv", "locations",
                "service_at_location.csv", "service_at_locations",
                "addresses.csv", "addresses",
                "phones.csv", "phones",
                "attributes.csv", "attributes",
                "taxonomy_terms.csv", "taxonomy_term");
        for (JsonNode resource : descriptor.path("resources")) {
            assertThat(files).containsKey(resource.path("path").asString());
        }
        tables.forEach((file, table) -> {
            List<Map<String, String>> rows = Csv.read(files.get(file));
            assertThat(rows).as(file).isNotEmpty();
            rows.forEach(row -> REQUIRED.get(table)
                    .forEach(column ->
                            assertThat(row.get(column)).as(file + " " + column).isNotBlank()));
        });
    }

    private static void assertRequired(String table, JsonNode record) {
        for (String field : REQUIRED.get(table)) {
            assertThat(record.path(field).asString(""))
                    .as(table + "." + field + " in " + record)
                    .isNotBlank();
        }
        assertThat(UUID.fromString(record.path("id").asString()).toString())
                .isEqualTo(record.path("id").asString());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void withoutAnAccountTheExportIsThePublicMapWithoutContactPersons() throws Exception {
        importJson(resource("hsds/sample.json"));

        String everyone = new String(export("/hsds/bundle", null), StandardCharsets.UTF_8);
        JsonNode bundle = JSON.readTree(everyone);
        List<String> locations = new ArrayList<>();
        bundle.path("locations")
                .forEach(location -> locations.add(location.path("id").asString()));
        assertThat(locations).contains(ANKERPLAATS, SPORTINLOOP).doesNotContain(WIJKMOEDER, REPAIR_CAFE);
        assertThat(everyone).doesNotContain("Noor Bakker", "Fatima El Amrani", "INTERNAL", "defunct");
        assertThat(everyone).contains("noor@buurtkracht.example");
        // The demo places are not public, so their organisations and the directory stay out of it.
        assertThat(everyone).doesNotContain("Politie Basisteam Nieuwstad");

        String staff = new String(export("/hsds/bundle", TestUsers.demo(Role.PROFESSIONAL)), StandardCharsets.UTF_8);
        assertThat(staff).contains("Noor Bakker", WIJKMOEDER, REPAIR_CAFE, "Politie Basisteam Nieuwstad");
        assertThat(count("MATCH (e:AuditEvent {purpose: 'hsds-export', username: 'professional'}) RETURN count(e)"))
                .isPositive();

        JsonNode page = JSON.readTree(export("/hsds/locations?page=2&per_page=1", null));
        assertThat(page.path("total_items").asInt()).isEqualTo(locations.size());
        assertThat(page.path("page_number").asInt()).isEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("first_page").asBoolean()).isFalse();
        assertThat(page.path("contents")).hasSize(1);
        assertThat(send("GET", "/hsds/services?per_page=0", null, null, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void importingThePublicExportAgainKeepsTheContactPersonsOnlyStaffSee() throws Exception {
        driver.executableQuery(
                        """
                        MATCH (n:Neighbourhood) WITH n ORDER BY n.code LIMIT 1
                        CREATE (:Vindplaats {id: $id, name: $own, kind: 'INFORMAL', category: 'TRUSTED_PERSON',
                                status: 'ACTIVE', isPublic: true, contactName: 'Fatima (sleutelfiguur)',
                                contactEmail: 'sleutelfiguur@example.org'})-[:LOCATED_IN]->(n)
                        """)
                .withParameters(Map.of("id", UUID.randomUUID().toString(), "own", OWN_PLACE))
                .execute();
        byte[] publicExport = export("/hsds/bundle", null);
        assertThat(new String(publicExport, StandardCharsets.UTF_8))
                .contains("sleutelfiguur@example.org")
                .doesNotContain("Fatima");

        JsonNode report = importJson(publicExport);

        assertThat(report.path("vindplaatsen").path("updated").asInt())
                .as(report.toString())
                .isZero();
        assertThat(count("MATCH (v:Vindplaats {contactName: 'Fatima (sleutelfiguur)'}) RETURN count(v)"))
                .isOne();
    }
}
