package nl.nabij.vindplaats.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.nabij.security.Role;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS import, fuzzed: bundles and data packages made malformed at a random place, from a fixed seed so a failure
 * can be replayed. Each is answered 400 with the import's report naming what is wrong, never 500, and nothing of it
 * is imported, not even the records that were fine. A field of the wrong type is refused, not ignored.
 */
@NabijIntegrationTest
class MalformedHsdsImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEED = 15_07L;
    private static final int BUNDLES = 150;
    private static final int PACKAGES = 60;
    /** Fields of the sample that Nabij does not read (coordinates, a contact's title, a schedule's text). */
    private static final Set<String> IGNORED = Set.of("latitude", "longitude", "title", "schedules[].description");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    {"organizations":{"a":1}}   | organizations
                    {"locations":[null]}        | locations[0]
                    {"organizations":"abc"}     | organizations
                    {"services":[{"id":7}]}     | id
                    {"version":3.0}             | version
                    []                          | ''
                    """)
    void theAuditorsBundlesAreRefusedNamingTheField(String bundle, String field) throws Exception {
        JsonNode report = refused("/hsds/import", bundle.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(report.path("errors").get(0).path("code").asString()).isIn("MALFORMED_BUNDLE", "MALFORMED_FIELD");
        assertThat(report.path("errors").get(0).path("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedBundles")
    void aMalformedBundleIsA400ThatImportsNothing(String mutation, String field, byte[] bundle) throws Exception {
        JsonNode report = refused("/hsds/import", bundle, "application/json");

        List<String> fields = new ArrayList<>();
        report.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(report.toString()).contains(field);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedPackages")
    void aMalformedPackageIsA400ThatImportsNothing(String mutation, byte[] zip) throws Exception {
        JsonNode report = refused("/hsds/import/datapackage", zip, "application/zip");

        assertThat(report.path("errors").get(0).path("code").asString()).isEqualTo("MALFORMED_PACKAGE");
    }

    /** Sends the body as the administrator; requires a 400 with a report of nothing imported and nothing written. */
    private JsonNode refused(String path, byte[] body, String contentType) throws Exception {
        long before = mapSize();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Content-Type", contentType)
                                .header("Authorization", TestUsers.bearer(TestUsers.demo(Role.ADMINISTRATOR)))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(text).isEqualTo(400);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("organizations").path("created").asInt()
                        + report.path("vindplaatsen").path("created").asInt())
                .isZero();
        assertThat(report.path("errors").isEmpty()).as(text).isFalse();
        assertThat(mapSize()).isEqualTo(before);
        return report;
    }

    private long mapSize() {
        return driver.executableQuery("RETURN COUNT { (:Organisation) } + COUNT { (:Vindplaats) }")
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }

    /** The sample bundle with one value replaced by one of another JSON type, or its text cut short. */
    static Stream<Arguments> malformedBundles() throws IOException {
        JsonNode sample = JSON.readTree(resource("hsds/sample.json"));
        List<Place> places = new ArrayList<>();
        places(sample, "", null, null, places);
        Random random = new Random(SEED);
        return IntStream.range(0, BUNDLES).mapToObj(i -> {
            if (random.nextInt(10) == 0) {
                byte[] text = JSON.writeValueAsBytes(sample);
                int cut = 1 + random.nextInt(text.length - 2);
                return Arguments.of("cut after " + cut + " bytes", "", Arrays.copyOf(text, cut));
            }
            JsonNode bundle = sample.deepCopy();
            Place place = places.get(random.nextInt(places.size()));
            JsonNode wrong = wrongValue(place.kind(), place.item(), random);
            replace(locate(bundle, place.pointer(), wrong));
            return Arguments.of(place.pointer() + " := " + wrong, place.field(), JSON.writeValueAsBytes(bundle));
        });
    }

    /** A value in the bundle that Nabij reads: where it is, its report field, and how to put another value there. */
    private record Place(String pointer, String field, String kind, boolean item) {}

    private record Located(JsonNode parent, String key, int index, JsonNode value) {}

    private static Located locate(JsonNode bundle, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = bundle.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        return parent.isArray()
                ? new Located(parent, null, Integer.parseInt(last), value)
                : new Located(parent, last, -1, value);
    }

    private static void replace(Located located) {
        if (located.parent() instanceof ArrayNode array) {
            array.set(located.index(), located.value());
        } else {
            ((ObjectNode) located.parent()).set(located.key(), located.value());
        }
    }

    /**
     * Every value below the four lists: {@code field} is what the report names, the list and index for a whole
     * record, the path within the record below it.
     */
    private static void places(JsonNode node, String pointer, String list, String field, List<Place> places) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                String inRecord = field == null || field.isEmpty() ? key : field + "." + key;
                boolean top = list == null;
                if (IGNORED.contains(key) || IGNORED.contains(pathPattern(inRecord))) {
                    continue;
                }
                String child = pointer + "/" + key;
                String childField = top ? key : inRecord;
                places.add(new Place(child, childField, kind(entry.getValue()), false));
                places(entry.getValue(), child, top ? key : list, top ? null : inRecord, places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = pointer + "/" + i;
                String childField = field == null ? list + "[" + i + "]" : field + "[" + i + "]";
                places.add(new Place(child, childField, kind(node.get(i)), true));
                places(node.get(i), child, list, field == null ? "" : childField, places);
            }
        }
    }

    private static String pathPattern(String field) {
        return field.replaceAll("\\[\\d+]", "[]").replaceAll("^.*\\.(\\w+\\[]\\.\\w+)$", "$1");
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "object" : value.isArray() ? "array" : "string";
    }

    /** A value of another JSON type than {@code kind}; null only where an item of a list was, as a field may be null. */
    private static JsonNode wrongValue(String kind, boolean item, Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> candidates = new ArrayList<>(List.of(
                nodes.numberNode(random.nextInt(1000)),
                nodes.numberNode(random.nextDouble()),
                nodes.booleanNode(random.nextBoolean())));
        if (!kind.equals("string")) {
            candidates.add(nodes.stringNode("abc"));
        }
        if (!kind.equals("object")) {
            candidates.add(nodes.objectNode().put("a", 1));
        }
        if (!kind.equals("array")) {
            candidates.add(nodes.arrayNode().add("x"));
        }
        if (item) {
            candidates.add(nodes.nullNode());
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** The sample's data package, broken in one place: not a zip, no descriptor, a broken descriptor or table. */
    static Stream<Arguments> malformedPackages() throws IOException {
        Map<String, byte[]> sample = new LinkedHashMap<>();
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
            sample.put(file, resource("hsds/datapackage/" + file));
        }
        List<String> tables = sample.keySet().stream().skip(1).toList();
        Random random = new Random(SEED);
        return IntStream.range(0, PACKAGES).mapToObj(i -> {
            Map<String, byte[]> files = new LinkedHashMap<>(sample);
            String mutation;
            switch (random.nextInt(6)) {
                case 0 -> {
                    byte[] noise = new byte[1 + random.nextInt(200)];
                    random.nextBytes(noise);
                    noise[0] = 'x';
                    return Arguments.of("noise of " + noise.length + " bytes", noise);
                }
                case 1 -> {
                    files.remove("datapackage.json");
                    mutation = "no datapackage.json";
                }
                case 2 -> {
                    byte[] descriptor = sample.get("datapackage.json");
                    files.put("datapackage.json", Arrays.copyOf(descriptor, 1 + random.nextInt(descriptor.length - 2)));
                    mutation = "datapackage.json cut short";
                }
                case 3 -> {
                    List<String> wrong = List.of(
                            "[]",
                            "\"abc\"",
                            "{\"resources\":\"abc\"}",
                            "{\"resources\":{\"a\":1}}",
                            "{\"resources\":[null]}",
                            "{\"resources\":[{\"name\":\"organizations\",\"path\":7}]}",
                            "{\"resources\":[{\"name\":[],\"path\":\"organizations.csv\"}]}");
                    mutation = wrong.get(random.nextInt(wrong.size()));
                    files.put("datapackage.json", mutation.getBytes(StandardCharsets.UTF_8));
                }
                case 4 -> {
                    String table = tables.get(random.nextInt(tables.size()));
                    files.put(
                            table, (lines(sample.get(table)) + ",".repeat(40) + "\n").getBytes(StandardCharsets.UTF_8));
                    mutation = table + " with a ragged row";
                }
                default -> {
                    String table = tables.get(random.nextInt(tables.size()));
                    files.put(table, (lines(sample.get(table)) + "\"open").getBytes(StandardCharsets.UTF_8));
                    mutation = table + " with an open quote";
                }
            }
            return Arguments.of(mutation, zip(files));
        });
    }

    /** A table's text ending with a line break, so what is added starts a row of its own. */
    private static String lines(byte[] table) {
        String text = new String(table, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
