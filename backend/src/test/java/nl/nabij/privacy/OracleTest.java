package nl.nabij.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nl.nabij.resident.Bsn;
import nl.nabij.security.NabijUser;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Pairs of questions an outsider could ask to learn whether Nabij holds a person or a household: each pair gets one
 * and the same answer, and each question is in the audit trail.
 */
@NabijIntegrationTest
class OracleTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();
    /** A BSN that passes the elfproef and belongs to nobody in the demo data. */
    private static final String UNKNOWN_BSN = unknownBsn();

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @Test
    void aPersonOutsideYourScopeReadsExactlyAsAPersonNobodyKnows() throws Exception {
        NabijUser outsider = TestUsers.outsider();
        long before = denials(outsider, "household-by-bsn");

        JsonNode held = GraphQlClients.answer(
                port,
                "{ householdOfResident(bsn: \"" + CASE.members().getFirst().bsn() + "\") { id } }",
                outsider);
        JsonNode unknown =
                GraphQlClients.answer(port, "{ householdOfResident(bsn: \"" + UNKNOWN_BSN + "\") { id } }", outsider);

        assertThat(held).isEqualTo(unknown);
        assertThat(held.toString()).isEqualTo("{\"data\":{\"householdOfResident\":null}}");
        assertThat(denials(outsider, "household-by-bsn")).isEqualTo(before + 2);
    }

    @Test
    void aHouseholdOutsideYourScopeReadsExactlyAsOneThatDoesNotExist() throws Exception {
        NabijUser outsider = TestUsers.outsider();

        JsonNode held = GraphQlClients.answer(port, "{ household(id: \"" + CASE.id() + "\") { id } }", outsider);
        JsonNode unknown =
                GraphQlClients.answer(port, "{ household(id: \"" + UUID.randomUUID() + "\") { id } }", outsider);

        assertThat(held).isEqualTo(unknown);
        assertThat(held.toString()).isEqualTo("{\"data\":{\"household\":null}}");
    }

    @Test
    void registeringThroughATeamYouAreNotInSaysSoWhetherOrNotNabijHoldsThePerson() throws Exception {
        NabijUser outsider = TestUsers.outsider();
        String register =
                """
                mutation { registerInvolvement(input: {bsn: "%s", domain: WMO, since: "2026-01-01", throughTeam: true}) {
                  involvement { id } errors { field code } } }
                """;

        JsonNode held = GraphQlClients.answer(
                port, register.formatted(CASE.members().getFirst().bsn()), outsider);
        JsonNode unknown = GraphQlClients.answer(port, register.formatted(UNKNOWN_BSN), outsider);

        assertThat(held).isEqualTo(unknown);
        assertThat(held.toString()).contains("NOT_IN_A_TEAM");
    }

    @Test
    void aRefusedChangeIsInTheAuditTrail() throws Exception {
        NabijUser outsider = TestUsers.outsider();
        long before = denials(outsider, "assignCoordinator");

        JsonNode answer = GraphQlClients.answer(
                port,
                "mutation { assignCoordinator(input: {householdId: \"" + CASE.id() + "\", professionalId: \""
                        + outsider.professionalId() + "\"}) { coordinator { id } errors { code } } }",
                outsider);

        assertThat(answer.path("data").path("assignCoordinator").path("errors")).isNotEmpty();
        assertThat(denials(outsider, "assignCoordinator")).isEqualTo(before + 1);
    }

    private long denials(NabijUser user, String purpose) {
        return TestGraph.count(
                driver,
                """
                MATCH (e:AuditEvent {purpose: $purpose, outcome: 'DENIED', actorReference: $me})
                RETURN count(e) AS value
                """,
                Map.of("purpose", purpose, "me", user.professionalId()));
    }

    private static String unknownBsn() {
        Set<String> known = SEED.households().stream()
                .flatMap(household -> household.members().stream())
                .map(SeedData.Member::bsn)
                .collect(Collectors.toSet());
        return LongStream.iterate(111_111_110L, n -> n + 1)
                .mapToObj(Long::toString)
                .filter(candidate -> Bsn.parse(candidate).isPresent() && !known.contains(candidate))
                .findFirst()
                .orElseThrow();
    }
}
