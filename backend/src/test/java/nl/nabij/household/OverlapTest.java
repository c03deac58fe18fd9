package nl.nabij.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.StatementCounter;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Finding overlap: the households of an area where many helpers from many organisations do not know each other. */
@NabijIntegrationTest
class OverlapTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final CaseHousehold CASE = CaseHousehold.fromSeed();
    private static final Map<String, SeedOverlap> SEED_OVERLAPS = SeedOverlap.all(SEED);
    private static final SeedData.Team HAVEN = SEED.teams().stream()
            .filter(team -> team.name().equals("Wijkteam Haven"))
            .findFirst()
            .orElseThrow();

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    /**
     * A tester with room for Neo4j to plan the statement: each area and role gives its own Cypher text, and planning
     * one cold takes about three seconds on a shared two-core machine, against the tester's default of five.
     */
    private HttpGraphQlTester as(NabijUser user) {
        return GraphQlClients.overHttp(port, user)
                .mutate()
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static Map<String, Object> neighbourhood(String code) {
        return Map.of("neighbourhoodCode", code);
    }

    private static List<Map<String, Object>> nodes(HttpGraphQlTester.Response response) {
        return response.path("overlaps.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private static String householdId(Map<String, Object> node) {
        return (String) ((Map<?, ?>) node.get("household")).get("id");
    }

    private List<Map<String, Object>> overlaps(NabijUser user, Map<String, Object> scope, Map<String, Object> more) {
        var request = as(user).documentName("overlaps").variable("scope", scope);
        more.forEach(request::variable);
        return nodes(request.execute());
    }

    @Test
    void theDocumentedCaseRanksFirstInItsNeighbourhoodWithItsUnlinkedPairsAndASuggestedCoordinator() {
        List<Map<String, Object>> ranked = nodes(as(TestUsers.teamLead())
                .documentName("overlapsInFull")
                .variable("scope", neighbourhood(CASE.household().neighbourhoodCode()))
                .variable("first", 10)
                .execute());

        Map<String, Object> first = ranked.get(0);
        assertThat(householdId(first)).isEqualTo(CASE.household().id());
        assertThat(first)
                .containsEntry("professionalCount", 15)
                .containsEntry("professionalCount", CASE.professionals().size())
                .containsEntry("organisationCount", CASE.organisations().size())
                .containsEntry("unlinkedPairCount", CASE.uncoordinatedPairs())
                .containsEntry("hasCoordinator", false)
                .containsEntry(
                        "severity",
                        CASE.professionals().size() + 2 * CASE.organisations().size() + CASE.uncoordinatedPairs() + 10);
        assertThat(CASE.uncoordinatedPairs()).isEqualTo(99);
        List<?> pairs = (List<?>) first.get("unlinkedPairs");
        assertThat(pairs).hasSize(CASE.uncoordinatedPairs());
        assertThat(pairs).allSatisfy(pair -> assertThat(pairIds(pair)).isSubsetOf(CASE.professionals()));

        Map<?, ?> suggestion = (Map<?, ?>) first.get("suggestedCoordinator");
        String suggested = (String) ((Map<?, ?>) suggestion.get("professional")).get("id");
        assertThat(suggested).isIn(CASE.professionals()).isEqualTo(longestInvolvedHavenMemberOfTheCase());
        assertThat(suggestion.get("ruleCode")).isEqualTo("LONGEST_INVOLVED_WIJKTEAM_MEMBER");
        // What the rule weighed comes as parameters for the app to word, never as prose.
        assertThat(suggestion.get("wijkteam")).isEqualTo(HAVEN.name());
        assertThat(suggestion.get("since")).isNotNull();
        assertThat(suggestion.get("othersInvolved"))
                .isEqualTo(CASE.professionals().size() - 1);

        assertThat(ranked)
                .extracting(node -> (Integer) node.get("severity"))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    private static Set<String> pairIds(Object pair) {
        Map<?, ?> both = (Map<?, ?>) pair;
        return Set.of((String) ((Map<?, ?>) both.get("first")).get("id"), (String)
                ((Map<?, ?>) both.get("second")).get("id"));
    }

    /** The rule the suggestion should follow, applied to the seed files: no coordinator, so the wijkteam. */
    private static String longestInvolvedHavenMemberOfTheCase() {
        Set<String> havenMembers = SEED.professionals().stream()
                .filter(p -> HAVEN.id().equals(p.teamId()))
                .map(SeedData.Professional::id)
                .collect(Collectors.toSet());
        Map<String, LocalDate> since = new HashMap<>();
        SeedOverlap.activeWith(SEED, CASE.household())
                .forEach(i -> since.merge(i.professionalId(), i.since(), (a, b) -> a.isBefore(b) ? a : b));
        return since.entrySet().stream()
                .filter(entry -> havenMembers.contains(entry.getKey()))
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    @Test
    void aHigherThresholdReturnsFewerHouseholdsEachMeetingIt() {
        Map<String, Object> municipality =
                Map.of("municipalityCode", SEED.municipality().code());

        List<Map<String, Object>> atDefaults = overlaps(TestUsers.teamLead(), municipality, Map.of());
        List<Map<String, Object>> atFive =
                overlaps(TestUsers.teamLead(), municipality, Map.of("minimumProfessionals", 5));
        List<Map<String, Object>> atTenAndTen = overlaps(
                TestUsers.teamLead(), municipality, Map.of("minimumProfessionals", 10, "minimumOrganisations", 10));

        assertThat(atDefaults).extracting(OverlapTest::householdId).hasSameElementsAs(inHaven(3, 3, false));
        assertThat(atFive).extracting(OverlapTest::householdId).hasSameElementsAs(inHaven(5, 3, false));
        assertThat(atFive.size()).isLessThan(atDefaults.size());
        assertThat(atFive).allSatisfy(node -> assertThat((Integer) node.get("professionalCount"))
                .isGreaterThanOrEqualTo(5));
        assertThat(atTenAndTen)
                .extracting(OverlapTest::householdId)
                .containsExactly(CASE.household().id());
    }

    @Test
    void withoutCoordinatorOnlyLeavesOutTheCoordinatedHouseholds() {
        Map<String, Object> team = Map.of("teamId", HAVEN.id());

        List<Map<String, Object>> all = overlaps(TestUsers.teamLead(), team, Map.of());
        List<Map<String, Object>> uncoordinated =
                overlaps(TestUsers.teamLead(), team, Map.of("withoutCoordinatorOnly", true));

        assertThat(all).anySatisfy(node -> assertThat(node).containsEntry("hasCoordinator", true));
        assertThat(uncoordinated).allSatisfy(node -> assertThat(node).containsEntry("hasCoordinator", false));
        assertThat(uncoordinated).extracting(OverlapTest::householdId).hasSameElementsAs(inHaven(3, 3, true));
        assertThat(uncoordinated.size()).isLessThan(all.size());
    }

    /** The Haven households that meet the thresholds, worked out from the seed files. */
    private static List<String> inHaven(int professionals, int organisations, boolean withoutCoordinatorOnly) {
        return SEED_OVERLAPS.values().stream()
                .filter(o -> HAVEN.serves().contains(o.neighbourhoodCode()))
                .filter(o -> o.professionals() >= professionals && o.organisations() >= organisations)
                .filter(o -> !withoutCoordinatorOnly || !o.coordinated())
                .map(SeedOverlap::householdId)
                .toList();
    }

    @Test
    void pagesFollowTheRankingWithoutGapsOrRepeats() {
        Map<String, Object> municipality =
                Map.of("municipalityCode", SEED.municipality().code());
        List<String> whole = overlaps(TestUsers.teamLead(), municipality, Map.of()).stream()
                .map(OverlapTest::householdId)
                .toList();

        List<String> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var response = as(TestUsers.teamLead())
                    .documentName("overlaps")
                    .variable("scope", municipality)
                    .variable("first", 3)
                    .variable("after", after)
                    .execute();
            paged.addAll(nodes(response).stream().map(OverlapTest::householdId).toList());
            more = response.path("overlaps.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = response.path("overlaps.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }

        assertThat(whole).hasSizeGreaterThan(3);
        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void aProfessionalFindsOnlyTheHouseholdsTheyAreInvolvedWith() {
        NabijUser involved = TestUsers.demo(Role.PROFESSIONAL);
        Map<String, Object> area = neighbourhood(CASE.household().neighbourhoodCode());

        List<String> theirs =
                overlaps(involved, area, Map.of("minimumProfessionals", 1, "minimumOrganisations", 1)).stream()
                        .map(OverlapTest::householdId)
                        .toList();
        List<String> outsiders =
                overlaps(TestUsers.outsider(), area, Map.of("minimumProfessionals", 1, "minimumOrganisations", 1))
                        .stream()
                        .map(OverlapTest::householdId)
                        .toList();

        assertThat(theirs).contains(CASE.household().id());
        assertThat(theirs).allSatisfy(id -> assertThat(SEED_OVERLAPS.get(id).professionalIds())
                .contains(involved.professionalId()));
        assertThat(outsiders).doesNotContain(CASE.household().id());
        assertThat(outsiders).allSatisfy(id -> assertThat(SEED_OVERLAPS.get(id).professionalIds())
                .contains(TestUsers.outsider().professionalId()));
    }

    @Test
    void everyOtherRoleIsForbidden() {
        for (Role role : List.of(Role.ANALYST, Role.VOLUNTEER, Role.ADMINISTRATOR, Role.AUDITOR, Role.RESIDENT)) {
            as(TestUsers.demo(role))
                    .documentName("overlaps")
                    .variable("scope", neighbourhood(CASE.household().neighbourhoodCode()))
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .as(role.name())
                            .singleElement()
                            .satisfies(error ->
                                    assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")))
                    .path("overlaps")
                    .pathDoesNotExist();
        }
    }

    @Test
    void badInputIsATypedErrorNamingTheFieldAndReadsNothing() {
        String code = CASE.household().neighbourhoodCode();
        Map<Map<String, Object>, String> badScopes = Map.of(
                Map.of(), "scope",
                Map.of("neighbourhoodCode", code, "teamId", HAVEN.id()), "scope",
                neighbourhood("WK990101"), "neighbourhoodCode",
                Map.of("teamId", "wijkteam-haven"), "teamId",
                Map.of("municipalityCode", "GM99"), "municipalityCode");
        Map<Map<String, Object>, String> badArguments = Map.of(
                Map.of("minimumProfessionals", 0), "minimumProfessionals",
                Map.of("minimumOrganisations", 101), "minimumOrganisations",
                Map.of("first", 0), "first",
                Map.of("after", "not-a-cursor"), "after");
        statements.reset();

        badScopes.forEach((scope, field) -> assertBadRequest(scope, Map.of(), field));
        badArguments.forEach((arguments, field) -> assertBadRequest(neighbourhood(code), arguments, field));

        assertThat(statements.count()).as("no statement for bad input").isZero();
    }

    private void assertBadRequest(Map<String, Object> scope, Map<String, Object> arguments, String field) {
        var request = as(TestUsers.teamLead()).documentName("overlaps").variable("scope", scope);
        arguments.forEach(request::variable);
        request.execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .as(scope + " " + arguments)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("classification", "BAD_REQUEST")
                                .containsEntry("field", field)))
                .path("overlaps")
                .pathDoesNotExist();
    }

    @Test
    void everyHouseholdReturnedIsRecordedAsASearchForOverlaps() {
        List<String> before = overlapEventIds();

        List<Map<String, Object>> found =
                overlaps(TestUsers.teamLead(), neighbourhood(CASE.household().neighbourhoodCode()), Map.of("first", 5));

        List<Map<String, Object>> events = driver
                .executableQuery(
                        """
                        MATCH (e:AuditEvent {purpose: 'overlaps'}) WHERE NOT e.id IN $before
                        RETURN e {.*} AS e ORDER BY e.at
                        """)
                .withParameters(Map.of("before", before))
                .execute()
                .records()
                .stream()
                .map(record -> record.get("e").asMap())
                .toList();
        assertThat(events).hasSize(found.size());
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("action", "SEARCH")
                .containsEntry("outcome", "GRANTED")
                .containsEntry("purpose", "overlaps")
                .containsEntry("basis", "team-area")
                .containsEntry("username", "teamlead"));
        assertThat((List<Object>) events.get(0).get("subjects"))
                .containsExactlyInAnyOrderElementsOf(CASE.household().members().stream()
                        .map(member -> pseudonymiser.pseudonymise(member.bsn()))
                        .toList());
    }

    private List<String> overlapEventIds() {
        return driver
                .executableQuery("MATCH (e:AuditEvent {purpose: 'overlaps'}) RETURN e.id AS id")
                .execute()
                .records()
                .stream()
                .map(record -> record.get("id").asString())
                .toList();
    }

    @Test
    void theStatementCountDoesNotGrowWithThePage() {
        Map<String, Object> municipality =
                Map.of("municipalityCode", SEED.municipality().code());

        statements.reset();
        fullView(municipality, 2);
        long forTwo = statements.dataStatements();
        long auditForTwo = statements.auditStatements();
        statements.reset();
        fullView(municipality, 10);
        long forTen = statements.dataStatements();

        assertThat(forTwo)
                .as("the overlaps, the households' circles, the suggested coordinators' organisations")
                .isEqualTo(3);
        assertThat(forTen).isEqualTo(forTwo);
        assertThat(auditForTwo)
                .as("append the events, unsealed; lock a lane before the commit")
                .isEqualTo(2);
    }

    private void fullView(Map<String, Object> scope, int first) {
        assertThat(nodes(as(TestUsers.teamLead())
                        .documentName("overlapsInFull")
                        .variable("scope", scope)
                        .variable("first", first)
                        .execute()))
                .hasSize(first);
    }

    /**
     * One household's figures worked out from the seed files: its actively involved professionals, their
     * organisations, and whether it has a coordinator.
     */
    record SeedOverlap(
            String householdId,
            String neighbourhoodCode,
            Set<String> professionalIds,
            int organisations,
            boolean coordinated) {

        int professionals() {
            return professionalIds.size();
        }

        static Map<String, SeedOverlap> all(SeedData seed) {
            Set<String> coordinated = seed.coordinators().stream()
                    .map(SeedData.Coordinator::householdId)
                    .collect(Collectors.toSet());
            Map<String, SeedOverlap> all = new HashMap<>();
            for (SeedData.Household household : seed.households()) {
                List<SeedData.Involvement> active = activeWith(seed, household);
                all.put(
                        household.id(),
                        new SeedOverlap(
                                household.id(),
                                household.neighbourhoodCode(),
                                active.stream()
                                        .map(SeedData.Involvement::professionalId)
                                        .collect(Collectors.toSet()),
                                (int) active.stream()
                                        .map(SeedData.Involvement::organisationId)
                                        .distinct()
                                        .count(),
                                coordinated.contains(household.id())));
            }
            return all;
        }

        static List<SeedData.Involvement> activeWith(SeedData seed, SeedData.Household household) {
            Set<String> targets = new HashSet<>();
            targets.add(household.id());
            household.members().forEach(member -> targets.add(member.id()));
            return seed.involvements().stream()
                    .filter(SeedData.Involvement::active)
                    .filter(i -> targets.contains(i.target().householdId())
                            || targets.contains(i.target().residentId()))
                    .toList();
        }
    }
}
