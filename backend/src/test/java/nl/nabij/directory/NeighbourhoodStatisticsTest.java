package nl.nabij.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/** What an analyst sees: counts per neighbourhood, small cells suppressed, checked against the seed files. */
@NabijIntegrationTest
class NeighbourhoodStatisticsTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final int MINIMUM_CELL_SIZE = 10;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void anAnalystSeesEveryNeighbourhoodsCountsWithSmallCellsSuppressed() {
        List<Map<String, Object>> neighbourhoods = GraphQlClients.overHttp(port, TestUsers.demo(Role.ANALYST))
                .documentName("neighbourhoodStatistics")
                .execute()
                .path("neighbourhoods.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();

        assertThat(neighbourhoods).hasSize(8);
        for (Map<String, Object> neighbourhood : neighbourhoods) {
            @SuppressWarnings("unchecked")
            Map<String, Object> statistics = (Map<String, Object>) neighbourhood.get("statistics");
            String code = (String) neighbourhood.get("code");
            assertThat(statistics.get("households"))
                    .isEqualTo(expected(households(code).size()));
            assertThat(statistics.get("householdsWithThreeOrMoreOrganisations"))
                    .isEqualTo(expected(withThreeOrMoreOrganisations(code)));
            statistics.forEach((figure, count) -> {
                if (count != null && !figure.equals("minimumCellSize")) {
                    assertThat((Integer) count)
                            .as(code + " " + figure)
                            .satisfiesAnyOf(c -> assertThat(c).isZero(), c -> assertThat(c)
                                    .isGreaterThanOrEqualTo(MINIMUM_CELL_SIZE));
                }
            });
        }
        assertThat(neighbourhoods)
                .as("the seed data has small cells, and they are suppressed")
                .anySatisfy(
                        n -> assertThat(((Map<?, ?>) n.get("statistics")).get("householdsWithThreeOrMoreOrganisations"))
                                .isNull());
    }

    @Test
    void everyReadInAMonthGetsTheSameCountsSoADayApartSinglesNobodyOut() {
        String code = SEED.caseHousehold().neighbourhoodCode();
        String household = UUID.randomUUID().toString();
        Map<String, Object> before = statisticsOf(code);
        try {
            // A household new today: exactly what differencing two days would reveal.
            driver.executableQuery(
                            """
                            MATCH (n:Neighbourhood {code: $code})
                            CREATE (h:Household {id: $id, postcode: '1311ZZ', houseNumber: 1})-[:LOCATED_IN]->(n)
                            """)
                    .withParameters(Map.of("code", code, "id", household))
                    .execute();

            assertThat(statisticsOf(code)).isEqualTo(before);
        } finally {
            driver.executableQuery("MATCH (h:Household {id: $id}) DETACH DELETE h")
                    .withParameters(Map.of("id", household))
                    .execute();
        }
        assertThat(before.get("countedOn")).isNotNull();
    }

    private Map<String, Object> statisticsOf(String code) {
        return GraphQlClients.overHttp(port, TestUsers.demo(Role.ANALYST))
                .documentName("neighbourhoodStatisticsOfOne")
                .variable("code", code)
                .execute()
                .path("neighbourhood.statistics")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private static Integer expected(int count) {
        return count > 0 && count < MINIMUM_CELL_SIZE ? null : count;
    }

    private static List<SeedData.Household> households(String code) {
        return SEED.households().stream()
                .filter(h -> h.neighbourhoodCode().equals(code))
                .toList();
    }

    private static int withThreeOrMoreOrganisations(String code) {
        return (int) households(code).stream()
                .filter(household -> {
                    Set<String> targets = household.members().stream()
                            .map(SeedData.Member::id)
                            .collect(Collectors.toSet());
                    long organisations = SEED.involvements().stream()
                            .filter(SeedData.Involvement::active)
                            .filter(i -> household.id().equals(i.target().householdId())
                                    || targets.contains(i.target().residentId()))
                            .map(SeedData.Involvement::organisationId)
                            .distinct()
                            .count();
                    return organisations >= 3;
                })
                .count();
    }
}
