package nl.nabij.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The demo municipality's networks: the Haven team's missing informal contacts and disciplines with their evidence,
 * the unlinked pairs around the documented case among the predicted links, metrics that agree with the links, Haven
 * and Poort side by side, and the network of an earlier day.
 */
@NabijIntegrationTest
class NetworkTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String HAVEN = "WK990101";
    private static final String POORT = "WK990102";
    private static final SeedData.Team HAVEN_TEAM = SEED.teams().stream()
            .filter(team -> team.name().equals("Wijkteam Haven"))
            .findFirst()
            .orElseThrow();

    @LocalServerPort
    int port;

    @Autowired
    NetworkService networks;

    @Test
    void havensTeamMissesItsInformalVindplaatsenAndDistrictNursingAndYouthHealthCare() {
        MissingLinks missing = networks.missingLinks(HAVEN, null, 2, TestUsers.teamLead());

        Set<String> contacted = HAVEN_TEAM.vindplaatsContacts().stream()
                .map(SeedData.VindplaatsContact::vindplaatsId)
                .collect(Collectors.toSet());
        Set<String> expectedInformal = SEED.vindplaatsen().stream()
                .filter(v -> v.kind().name().equals("INFORMAL"))
                .filter(v -> HAVEN_TEAM.serves().contains(v.neighbourhoodCode()))
                .map(SeedData.Vindplaats::id)
                .filter(id -> !contacted.contains(id))
                .collect(Collectors.toSet());
        assertThat(expectedInformal)
                .as("the seed gives Haven's team informal places it does not know")
                .isNotEmpty();
        assertThat(missing.vindplaatsContacts())
                .filteredOn(
                        gap -> gap.team().equals(HAVEN_TEAM.id()) && gap.kind().equals("INFORMAL"))
                .extracting(MissingLinks.VindplaatsContact::vindplaats)
                .containsExactlyInAnyOrderElementsOf(expectedInformal);
        assertThat(missing.vindplaatsContacts()).allSatisfy(gap -> {
            assertThat(gap.evidence().code()).isEqualTo("VINDPLAATS_NOT_CONTACTED");
            assertThat(gap.evidence().parameter("category")).isEqualTo(gap.category());
        });

        assertThat(missing.disciplines())
                .filteredOn(gap -> gap.team().equals(HAVEN_TEAM.id()))
                .extracting(MissingLinks.Discipline::discipline)
                .contains("DISTRICT_NURSING", "YOUTH_HEALTH_CARE");
        assertThat(missing.disciplines())
                .filteredOn(gap -> gap.discipline().equals("DISTRICT_NURSING"))
                .allSatisfy(gap -> {
                    assertThat(gap.evidence().code()).isEqualTo("NO_MEMBER_IN_DISCIPLINE");
                    assertThat(gap.evidence().parameter("discipline")).isEqualTo("DISTRICT_NURSING");
                    assertThat(gap.suggestedAction().code()).isIn("ASK_SECONDMENT", "CONTRACT_DISCIPLINE");
                });
    }

    @Test
    void theUnlinkedPairsAroundTheDocumentedCaseArePredictedLinks() {
        List<MissingLinks.PredictedLink> predicted =
                networks.missingLinks(HAVEN, null, 1, TestUsers.teamLead()).predictedLinks();

        Set<String> caseProfessionals = caseProfessionals();
        Set<Set<String>> linked = SEED.collaborations().stream()
                .map(c -> Set.of(c.professionalA(), c.professionalB()))
                .collect(Collectors.toSet());
        Set<Set<String>> expected = new HashSet<>();
        for (String a : caseProfessionals) {
            for (String b : caseProfessionals) {
                if (a.compareTo(b) < 0 && !linked.contains(Set.of(a, b))) {
                    expected.add(Set.of(a, b));
                }
            }
        }
        assertThat(expected).hasSize(99);
        assertThat(predicted.stream().map(link -> Set.of(link.firstProfessional(), link.secondProfessional())))
                .containsAll(expected);
        assertThat(predicted).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(predicted)
                .filteredOn(link -> expected.contains(Set.of(link.firstProfessional(), link.secondProfessional())))
                .allSatisfy(link -> assertThat(link.score()).isGreaterThanOrEqualTo(1 / Math.log(15)));
    }

    private static Set<String> caseProfessionals() {
        SeedData.Household household = SEED.caseHousehold();
        Set<String> targets =
                household.members().stream().map(SeedData.Member::id).collect(Collectors.toSet());
        targets.add(household.id());
        return SEED.involvements().stream()
                .filter(SeedData.Involvement::active)
                .filter(i -> targets.contains(i.target().householdId())
                        || targets.contains(i.target().residentId()))
                .map(SeedData.Involvement::professionalId)
                .collect(Collectors.toSet());
    }

    @Test
    void theMetricsAgreeWithTheLinks() {
        Network network = networks.network(HAVEN, null, TestUsers.teamLead());

        assertThat(network.nodes()).extracting(NetworkNode::kind).contains(NetworkNode.Kind.values());
        Map<String, Long> degrees = network.edges().stream()
                .flatMap(edge -> java.util.stream.Stream.of(edge.source(), edge.target()))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(network.nodes()).allSatisfy(node -> {
            assertThat(node.isolated()).isEqualTo(node.degree() == 0);
            assertThat(node.degree())
                    .isLessThanOrEqualTo(degrees.getOrDefault(node.id(), 0L).intValue());
            assertThat(node.betweenness()).isBetween(0.0, 1.0);
            assertThat(node.component()).isBetween(1, network.componentCount());
        });
        NetworkNode team = network.nodes().stream()
                .filter(node -> node.id().equals(HAVEN_TEAM.id()))
                .findFirst()
                .orElseThrow();
        long members = SEED.professionals().stream()
                .filter(p -> HAVEN_TEAM.id().equals(p.teamId()))
                .count();
        assertThat(team.degree())
                .isEqualTo(members + HAVEN_TEAM.vindplaatsContacts().size());
        assertThat(team.component()).as("the team is in the largest part").isEqualTo(1);
        assertThat(network.density()).isBetween(0.0, 1.0).isPositive();
        assertThat(network.informalVindplaatsen().inContact())
                .isLessThan(network.informalVindplaatsen().total());
    }

    @Test
    void anEarlierDayHasFewerProfessionalsAndHavenAndPoortCompareSideBySide() {
        LocalDate early = SEED.involvements().stream()
                .map(SeedData.Involvement::since)
                .min(LocalDate::compareTo)
                .orElseThrow();
        long now = networks.network(HAVEN, null, TestUsers.teamLead()).nodes().stream()
                .filter(node -> node.kind() == NetworkNode.Kind.PROFESSIONAL)
                .count();
        long then = networks.network(HAVEN, early, TestUsers.teamLead()).nodes().stream()
                .filter(node -> node.kind() == NetworkNode.Kind.PROFESSIONAL)
                .count();
        assertThat(then).isLessThan(now);

        var comparison = GraphQlClients.overHttp(port, TestUsers.demo(Role.ANALYST))
                .documentName("compareNetworks")
                .execute();
        comparison.path("compareNetworks.first.name").entity(String.class).isEqualTo("Haven");
        comparison.path("compareNetworks.second.name").entity(String.class).isEqualTo("Poort");
        List<Map<String, Object>> figures = comparison
                .path("compareNetworks.figures")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(figures)
                .extracting(f -> f.get("name"))
                .contains("density", "missingDisciplines", "informalVindplaatsenInContactShare", "predictedLinks");
        assertThat(figures).allSatisfy(f -> assertThat(((Number) f.get("difference")).doubleValue())
                .isCloseTo(
                        ((Number) f.get("second")).doubleValue() - ((Number) f.get("first")).doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(networks.network(POORT, null, TestUsers.teamLead()).scope().neighbourhoodCodes())
                .allMatch(c -> c.startsWith("BU990102"));
    }

    @Test
    void staffAsksVolunteersAndResidentsDoNotAndABadCodeIsATypedError() {
        GraphQlClients.overHttp(port, TestUsers.demo(Role.ANALYST))
                .documentName("neighbourhoodNetworkNodes")
                .variable("code", HAVEN)
                .execute()
                .path("neighbourhoodNetwork.density")
                .hasValue();
        for (Role role : List.of(Role.VOLUNTEER, Role.RESIDENT, Role.AUDITOR)) {
            GraphQlClients.overHttp(port, TestUsers.demo(role))
                    .documentName("neighbourhoodNetworkNodes")
                    .variable("code", HAVEN)
                    .execute()
                    .errors()
                    .satisfy(errors ->
                            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        }
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("neighbourhoodNetworkUnknown")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNKNOWN_AREA"));
    }
}
