package nl.nabij.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A municipality's real geography from CBS's files, imported by an administrator: the synthetic Lindeveld (GM9917) of
 * {@code src/test/resources/cbs}. Each test removes what its imports wrote.
 */
@NabijIntegrationTest
class GeographyImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    GeographyImport geography;

    @AfterEach
    void removeLindeveld() {
        driver.executableQuery(
                        """
                        MATCH (x) WHERE (x:AddressPoint AND x.postcode STARTS WITH '991')
                           OR (x:PostcodeArea AND x.code STARTS WITH '991')
                           OR (x:Neighbourhood AND x.code STARTS WITH 'BU991')
                           OR (x:District AND x.code STARTS WITH 'WK991')
                           OR (x:Municipality AND x.code STARTS WITH 'GM991')
                           OR (x:Household AND x.postcode STARTS WITH '991')
                           OR (x:Vindplaats AND x.postcode STARTS WITH '991')
                        DETACH DELETE x
                        """)
                .execute();
    }

    @Test
    void anAdministratorImportsTheDistrictsNeighbourhoodsAndAddressesOfTheirMunicipalityOnly() {
        JsonNode payload = importGeography(Map.of(
                "municipalityCode", "GM9917",
                "areasCsv", file("wijkenbuurten_2026.csv"),
                "addressesCsv", file("pc6hnr20260801_gwb.csv")));

        assertThat(payload.path("errors").size()).isZero();
        assertThat(payload.path("districts").asInt()).isEqualTo(2);
        assertThat(payload.path("neighbourhoods").asInt()).isEqualTo(4);
        assertThat(payload.path("addresses").asInt()).isEqualTo(7);
        JsonNode municipality = payload.path("municipality");
        assertThat(municipality.path("name").asString()).isEqualTo("Lindeveld");
        assertThat(municipality.path("districts").get(0).path("name").asString())
                .isEqualTo("Centrum");
        assertThat(municipality.path("districts").get(1).path("neighbourhoods").findValuesAsString("code"))
                .containsExactly("BU99170201", "BU99170202");
        assertThat(count(
                        "MATCH (:AddressPoint {key: '9917BC 12'})-[:LOCATED_IN]->(n:Neighbourhood {code: 'BU99170202'})"
                                + " RETURN count(n)"))
                .isOne();
        assertThat(count("MATCH (x) WHERE x.code STARTS WITH 'GM9918' OR x.code STARTS WITH 'WK9918'"
                        + " OR x.code STARTS WITH 'BU9918' OR x.postcode STARTS WITH '9918' RETURN count(x)"))
                .as("the neighbour's rows are skipped")
                .isZero();
        assertThat(count("MATCH (:PostcodeArea {code: '9917'})-[:LIES_IN]->(n:Neighbourhood) RETURN count(n)"))
                .as("the postcode area lies where most of its addresses do")
                .isOne();
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        Map<String, Object> input = Map.of(
                "municipalityCode", "GM9917",
                "areasCsv", file("wijkenbuurten_2026.csv"),
                "addressesCsv", file("pc6hnr20260801_gwb.csv"));
        importGeography(input);
        long[] before = lindeveld();

        JsonNode again = importGeography(input);

        assertThat(again.path("errors").size()).isZero();
        assertThat(lindeveld()).containsExactly(before);
        assertThat(before).containsExactly(1, 2, 4, 7, 13);
    }

    @Test
    void householdsAndVindplaatsenAtAnImportedAddressMoveToItsNeighbourhood() {
        String elsewhere = driver.executableQuery("MATCH (n:Neighbourhood) RETURN n.code AS code ORDER BY code LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("code")
                .asString();
        driver.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $elsewhere})
                        CREATE (:Household {id: $household, postcode: '9917AB', houseNumber: 5})-[:LOCATED_IN]->(n)
                        CREATE (:Vindplaats {id: $vindplaats, name: 'Buurtkamer Haven', kind: 'FORMAL',
                                category: 'COMMUNITY_CENTRE', postcode: '9917AB', houseNumber: 7})-[:LOCATED_IN]->(n)
                        """)
                .withParameters(Map.of(
                        "elsewhere", elsewhere,
                        "household", UUID.randomUUID().toString(),
                        "vindplaats", UUID.randomUUID().toString()))
                .execute();
        Map<String, Object> input = Map.of(
                "municipalityCode", "GM9917",
                "areasCsv", file("wijkenbuurten_2026.csv"),
                "addressesCsv", file("pc6hnr20260801_gwb.csv"));

        JsonNode payload = importGeography(input);

        assertThat(payload.path("householdsPlaced").asInt()).isOne();
        assertThat(payload.path("vindplaatsenPlaced").asInt()).isOne();
        assertThat(count("MATCH (:Household {postcode: '9917AB'})-[:LOCATED_IN]->(n:Neighbourhood {code: 'BU99170102'})"
                        + " RETURN count(n)"))
                .isOne();
        assertThat(count("MATCH (:Household {postcode: '9917AB'})-[:LOCATED_IN]->(n) RETURN count(n)"))
                .as("and leaves the one it was in")
                .isOne();
        assertThat(count(
                        "MATCH (:Vindplaats {postcode: '9917AB'})-[:LOCATED_IN]->(n:Neighbourhood {code: 'BU99170201'})"
                                + " RETURN count(n)"))
                .isOne();
        JsonNode again = importGeography(input);
        assertThat(again.path("householdsPlaced").asInt()).isZero();
        assertThat(again.path("vindplaatsenPlaced").asInt()).isZero();
    }

    @Test
    void aBadRowRefusesTheWholeImportNamesEveryRowAtFaultAndWritesNothing() {
        String addresses =
                """
                PC6;Huisnummer;Buurt2026;Wijk2026;Gemeente2026
                9917AA;1;99170101;991701;9917
                9917A;2;99170101;991701;9917
                9917AA;twee;99170101;991701;9917
                9917AA;4;99179999;991799;9917
                9917AA;5;BU123;991701;9917
                """;

        JsonNode payload = importGeography(Map.of(
                "municipalityCode", "GM9917", "areasCsv", file("wijkenbuurten_2026.csv"), "addressesCsv", addresses));

        assertThat(payload.path("municipality").isNull()).isTrue();
        assertThat(payload.path("errors").findValuesAsString("field"))
                .containsExactly("addressesCsv:3", "addressesCsv:4", "addressesCsv:5", "addressesCsv:6");
        assertThat(payload.path("errors").findValuesAsString("code"))
                .containsExactly(
                        "MALFORMED_POSTCODE",
                        "MALFORMED_HOUSE_NUMBER",
                        "UNKNOWN_NEIGHBOURHOOD",
                        "MALFORMED_NEIGHBOURHOOD_CODE");
        assertThat(lindeveld()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void filesThatCannotBeImportedSaySoWithATypedError() {
        assertThat(codes(Map.of("municipalityCode", "Lindeveld", "areasCsv", file("wijkenbuurten_2026.csv"))))
                .containsExactly("MALFORMED_MUNICIPALITY_CODE");
        assertThat(codes(Map.of("municipalityCode", "GM9917"))).containsExactly("NOTHING_TO_IMPORT");
        assertThat(codes(Map.of("municipalityCode", "GM9919", "areasCsv", file("wijkenbuurten_2026.csv"))))
                .as("a table without a row of the municipality")
                .containsExactly("NOTHING_TO_IMPORT");
        assertThat(codes(Map.of("municipalityCode", "GM9917", "addressesCsv", "PC6;Huisnummer;Gemeente2026\n")))
                .containsExactly("MISSING_COLUMN");
        assertThat(lindeveld()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void theOlderCommaSeparatedSpellingOfTheTableIsReadAndRenamesWhatItNames() {
        importGeography(Map.of("municipalityCode", "GM9917", "areasCsv", file("wijkenbuurten_2026.csv")));

        JsonNode payload = importGeography(Map.of("municipalityCode", "GM9917", "areasCsv", file("wijken_2021.csv")));

        assertThat(payload.path("errors").size()).isZero();
        JsonNode districts = payload.path("municipality").path("districts");
        assertThat(List.of(
                        districts.get(0).path("name").asString(),
                        districts.get(1).path("name").asString()))
                .containsExactly("Lindeveld-Centrum", "Lindeveld-Noord");
        assertThat(payload.path("municipality")
                        .path("districts")
                        .get(0)
                        .path("neighbourhoods")
                        .size())
                .as("a districts-only table keeps the neighbourhoods")
                .isEqualTo(2);
    }

    @Test
    void onlyAnAdministratorMayImport() {
        JsonNode answer = GraphQlClients.answer(
                port,
                "mutation { importGeography(input: {municipalityCode: \"GM9917\", areasCsv: \"gemeentecode;wijkcode\\n"
                        + "GM9917;WK991701\"}) { districts } }",
                TestUsers.demo(Role.TEAM_LEAD));

        assertThat(answer.path("errors").size()).isOne();
        assertThat(lindeveld()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void fromTheCommandLineTheFilesAreReadFromDiskAndTheOperatorIsAudited(@TempDir Path dir) throws IOException {
        Path areas = dir.resolve("wijkenbuurten.csv");
        Path addresses = dir.resolve("pc6hnr_gwb.csv");
        Files.writeString(areas, file("wijkenbuurten_2026.csv"));
        Files.writeString(addresses, file("pc6hnr20260801_gwb.csv"));
        long audited = count("MATCH (e:AuditEvent {purpose: 'geography-import'}) RETURN count(e)");

        GeographyImport.Result result = geography.run(
                new NabijUser("operator", Role.ADMINISTRATOR, null, null, null),
                "command-line",
                "GM9917",
                () -> Files.newBufferedReader(areas, StandardCharsets.UTF_8),
                () -> Files.newBufferedReader(addresses, StandardCharsets.UTF_8));

        assertThat(result.errors()).isEmpty();
        assertThat(result.addresses()).isEqualTo(7);
        assertThat(count("MATCH (e:AuditEvent {purpose: 'geography-import'}) RETURN count(e)"))
                .isEqualTo(audited + 1);
    }

    /** Municipalities, districts, neighbourhoods, addresses and PART_OF/LOCATED_IN links of Lindeveld. */
    private long[] lindeveld() {
        return new long[] {
            count("MATCH (m:Municipality {code: 'GM9917'}) RETURN count(m)"),
            count("MATCH (d:District)-[:PART_OF]->(:Municipality {code: 'GM9917'}) RETURN count(d)"),
            count("MATCH (n:Neighbourhood) WHERE n.code STARTS WITH 'BU9917' RETURN count(n)"),
            count("MATCH (a:AddressPoint) WHERE a.postcode STARTS WITH '9917' RETURN count(a)"),
            count(
                    "MATCH (x)-[r:PART_OF|LOCATED_IN]->(y) WHERE (x.code STARTS WITH 'BU9917' OR x.code STARTS WITH 'WK9917'"
                            + " OR x.postcode STARTS WITH '9917') AND NOT x:Household AND NOT x:Vindplaats RETURN count(r)")
        };
    }

    private JsonNode importGeography(Map<String, Object> input) {
        Map<?, ?> payload = GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR))
                .documentName("importGeography")
                .variable("input", input)
                .execute()
                .path("importGeography")
                .entity(Map.class)
                .get();
        return JSON.valueToTree(payload);
    }

    private List<String> codes(Map<String, Object> input) {
        return importGeography(input).path("errors").findValuesAsString("code");
    }

    private long count(String cypher) {
        return TestGraph.count(driver, cypher, Map.of());
    }

    private static String file(String name) {
        try {
            return new ClassPathResource("cbs/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
