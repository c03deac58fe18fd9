package nl.nabij.regie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Regie around a household of three organisations: one coordinator at a time and always an involved one, a shared plan
 * owned by those involved, recorded collaboration that closes uncoordinated pairs, and the rules for a given day.
 */
@NabijIntegrationTest
class RegieTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000b001";
    private static final String RESIDENT = "5f0c8d3e-0000-4000-8000-00000000b011";
    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate SINCE = TODAY.minusDays(40);

    /** Three professionals from organisations of three kinds, with no collaboration among them in the demo data. */
    private static final List<NabijUser> INVOLVED = threeStrangers();
    /** A fourth professional, from another organisation of the first one's kind, involved only where a test says. */
    private static final NabijUser SAME_KIND = sameKindAs(INVOLVED.get(0));

    private static final NabijUser OUTSIDER = TestUsers.outsider();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    RegieRules rules;

    private static List<NabijUser> threeStrangers() {
        Set<Set<String>> linked = SEED.collaborations().stream()
                .map(c -> Set.of(c.professionalA(), c.professionalB()))
                .collect(Collectors.toSet());
        Map<String, String> kindOf = SEED.organisations().stream()
                .collect(Collectors.toMap(
                        SeedData.Organisation::id, o -> o.kind().name()));
        Set<String> kindsTaken = new HashSet<>();
        List<SeedData.Professional> chosen = new ArrayList<>();
        for (SeedData.Professional p : SEED.professionals()) {
            boolean isStranger = chosen.stream().noneMatch(c -> linked.contains(Set.of(c.id(), p.id())));
            boolean hasSibling = SEED.organisations().stream()
                    .filter(o -> !o.id().equals(p.organisationId()))
                    .anyMatch(o -> o.kind().name().equals(kindOf.get(p.organisationId())));
            if (chosen.size() == 3
                    || !isStranger
                    || !kindsTaken.add(kindOf.get(p.organisationId()))
                    || (chosen.isEmpty() && !hasSibling)) {
                continue;
            }
            chosen.add(p);
        }
        return chosen.stream().map(RegieTest::user).toList();
    }

    private static NabijUser sameKindAs(NabijUser first) {
        Map<String, SeedData.Organisation> organisations =
                SEED.organisations().stream().collect(Collectors.toMap(SeedData.Organisation::id, o -> o));
        var kind = organisations.get(first.organisationId()).kind();
        return SEED.professionals().stream()
                .filter(p -> !p.organisationId().equals(first.organisationId()))
                .filter(p -> organisations.get(p.organisationId()).kind() == kind)
                .findFirst()
                .map(RegieTest::user)
                .orElseThrow();
    }

    private static NabijUser user(SeedData.Professional p) {
        return new NabijUser("p-" + p.id(), Role.PROFESSIONAL, p.id(), null, p.organisationId());
    }

    @BeforeEach
    void aHouseholdInHavenWithThreeOrganisationsAndNoCoordinator() {
        driver.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (h:Household {id: $household, postcode: '9999ZZ', houseNumber: 3})-[:LOCATED_IN]->(n)
                        CREATE (:Resident {id: $resident, pseudonym: 'regie-test-resident', displayName: 'Noor Regie',
                                birthYear: 1985})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        WITH h
                        UNWIND $professionals AS id
                        MATCH (p:Professional {id: id})-[:EMPLOYED_BY]->(o:Organisation)
                        CREATE (p)-[:REGISTERED]->(i:Involvement {id: randomUUID(), domain: 'WMO', status: 'ACTIVE',
                                since: $since})-[:CONCERNS]->(h)
                        CREATE (i)-[:ON_BEHALF_OF]->(o)
                        """)
                .withParameters(Map.of(
                        "neighbourhood", SEED.caseHousehold().neighbourhoodCode(),
                        "household", HOUSEHOLD,
                        "resident", RESIDENT,
                        "since", SINCE,
                        "professionals",
                                INVOLVED.stream().map(NabijUser::professionalId).toList()))
                .execute();
    }

    @AfterEach
    void removeTheHouseholdItsPlanAndTheRecordedCollaborations() {
        driver.executableQuery(
                        """
                        MATCH (h:Household {id: $household})
                        OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement)
                        OPTIONAL MATCH (h)<-[:FOR]-(plan:Plan)
                        OPTIONAL MATCH (plan)<-[:PART_OF]-(g:Goal)
                        OPTIONAL MATCH (h)<-[:MEMBER_OF]-(r:Resident)
                        OPTIONAL MATCH (m:Match {householdId: h.id})
                        OPTIONAL MATCH (n:Notification {householdId: h.id})
                        DETACH DELETE i, g, plan, r, m, n, h
                        """)
                .withParameters(Map.of("household", HOUSEHOLD))
                .execute();
        driver.executableQuery(
                        "MATCH (a:Professional)-[c:COLLABORATES_WITH]-(b:Professional) WHERE a.id IN $ids AND b.id IN $ids"
                                + " DELETE c")
                .withParameters(Map.of(
                        "ids", INVOLVED.stream().map(NabijUser::professionalId).toList()))
                .execute();
    }

    private GraphQlTester.Response as(NabijUser user, String documentName, Map<String, Object> input) {
        return GraphQlClients.overHttp(port, user)
                .documentName(documentName)
                .variable("input", input)
                .execute();
    }

    private GraphQlTester.Response coordinate(NabijUser user, String mutation, NabijUser coordinator) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", HOUSEHOLD);
        if (coordinator != null) {
            input.put("professionalId", coordinator.professionalId());
        }
        return as(user, mutation, input);
    }

    private String coordinatorNow() {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdCoordinator")
                .variable("id", HOUSEHOLD)
                .execute()
                .path("household.coordinator.id")
                .entity(String.class)
                .get();
    }

    private long coordinators() {
        return driver.executableQuery(
                        "MATCH (:Professional)-[c:COORDINATES]->(:Household {id: $household}) RETURN count(c) AS n")
                .withParameters(Map.of("household", HOUSEHOLD))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    @Test
    void oneInvolvedCoordinatorAtATimeHandedOverByTheCoordinatorAndEndedByTheTeamLead() {
        NabijUser first = INVOLVED.get(0);
        NabijUser second = INVOLVED.get(1);
        NabijUser third = INVOLVED.get(2);

        coordinate(first, "assignCoordinator", OUTSIDER)
                .path("assignCoordinator.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_INVOLVED");
        coordinate(first, "assignCoordinator", second)
                .path("assignCoordinator.coordinator.id")
                .entity(String.class)
                .isEqualTo(second.professionalId());
        coordinate(first, "assignCoordinator", third)
                .path("assignCoordinator.errors[0].code")
                .entity(String.class)
                .isEqualTo("COORDINATOR_EXISTS");
        coordinate(first, "handOverCoordination", third)
                .path("handOverCoordination.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_ALLOWED");
        coordinate(second, "handOverCoordination", third)
                .path("handOverCoordination.coordinator.id")
                .entity(String.class)
                .isEqualTo(third.professionalId());
        assertThat(coordinatorNow()).isEqualTo(third.professionalId());

        coordinate(TestUsers.teamLead(), "endCoordination", null)
                .path("endCoordination.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(coordinators()).isZero();
        coordinate(OUTSIDER, "assignCoordinator", first)
                .path("assignCoordinator.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_HOUSEHOLD");
    }

    @Test
    void concurrentAssignmentsLeaveExactlyOneCoordinator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            NabijUser user = INVOLVED.get(i % 3);
            calls.add(() -> coordinate(user, "assignCoordinator", user)
                    .path("assignCoordinator")
                    .entity(Object.class)
                    .get()
                    .toString());
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : pool.invokeAll(calls)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.contains("COORDINATOR_EXISTS")))
                .hasSize(8);
        assertThat(coordinators()).isEqualTo(1);
    }

    /** A retry with the same clientMutationId returns the goal the first call added, and adds no second. */
    @Test
    void aRetriedAddPlanGoalReturnsTheFirstGoal() {
        Map<String, Object> goal = Map.of(
                "clientMutationId",
                "goal-" + UUID.randomUUID(),
                "householdId",
                HOUSEHOLD,
                "title",
                "Schulden in beeld",
                "ownerId",
                INVOLVED.get(1).professionalId());
        String first = as(INVOLVED.get(0), "addPlanGoal", goal)
                .path("addPlanGoal.goal.id")
                .entity(String.class)
                .get();
        as(INVOLVED.get(0), "addPlanGoal", goal)
                .path("addPlanGoal.goal.id")
                .entity(String.class)
                .isEqualTo(first);

        assertThat(TestGraph.count(
                        driver,
                        "MATCH (:Household {id: $household})<-[:FOR]-(:Plan)<-[:PART_OF]-(g:Goal) RETURN count(g)",
                        Map.of("household", HOUSEHOLD)))
                .isEqualTo(1);
    }

    @Test
    void thePlanHoldsGoalsOwnedByThoseInvolved() {
        Map<String, Object> goal = new HashMap<>(Map.of(
                "householdId", HOUSEHOLD,
                "title", "Schulden in beeld",
                "ownerId", INVOLVED.get(1).professionalId(),
                "startsOn", TODAY.toString(),
                "dueOn", TODAY.plusMonths(2).toString()));
        String id = as(INVOLVED.get(0), "addPlanGoal", goal)
                .path("addPlanGoal.goal.id")
                .entity(String.class)
                .get();

        Map<String, Object> outsiderOwns = new HashMap<>(goal);
        outsiderOwns.put("ownerId", OUTSIDER.professionalId());
        as(INVOLVED.get(0), "addPlanGoal", outsiderOwns)
                .path("addPlanGoal.errors[0].code")
                .entity(String.class)
                .isEqualTo("OWNER_NOT_INVOLVED");
        Map<String, Object> backwards = new HashMap<>(goal);
        backwards.put("dueOn", TODAY.minusDays(1).toString());
        backwards.put("title", "<b>");
        as(INVOLVED.get(0), "addPlanGoal", backwards)
                .path("addPlanGoal.errors[*].code")
                .entityList(String.class)
                .containsExactly("TITLE_CHARACTERS", "DUE_BEFORE_START");

        as(INVOLVED.get(2), "updatePlanGoal", Map.of("goalId", id, "status", "ACHIEVED"))
                .path("updatePlanGoal.goal.status")
                .entity(String.class)
                .isEqualTo("ACHIEVED");
        as(OUTSIDER, "updatePlanGoal", Map.of("goalId", id, "status", "DROPPED"))
                .path("updatePlanGoal.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_GOAL");
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdPlan")
                .variable("id", HOUSEHOLD)
                .execute()
                .path("household.plan[*].status")
                .entityList(String.class)
                .containsExactly("ACHIEVED");
    }

    /**
     * A professional records collaboration while registering and ending involvements with the same household, and so
     * does a colleague: recording locked the household and then the professionals, registering the professional and
     * then the household, and one in twelve calls died in a deadlock. Now none answers an error.
     */
    @Test
    void recordingCollaborationWhileRegisteringWithTheSameHouseholdAnswersNoError() throws Exception {
        NabijUser me = INVOLVED.get(0);
        NabijUser colleague = INVOLVED.get(1);
        List<String> domains = List.of("YOUTH", "PARTICIPATION", "ZVW");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (NabijUser registering : List.of(me, colleague)) {
            calls.add(() -> {
                for (int i = 0; i < 15; i++) {
                    String id = as(
                                    registering,
                                    "registerInvolvementId",
                                    Map.of(
                                            "householdId",
                                            HOUSEHOLD,
                                            "domain",
                                            domains.get(i % domains.size()),
                                            "since",
                                            TODAY.toString()))
                            .path("registerInvolvement.involvement.id")
                            .entity(String.class)
                            .get();
                    as(
                                    registering,
                                    "endInvolvement",
                                    Map.of("involvementId", id, "until", TODAY.toString(), "reason", "GOAL_REACHED"))
                            .path("endInvolvement.errors")
                            .entityList(Object.class)
                            .hasSize(0);
                }
                return 30;
            });
        }
        for (NabijUser recording : List.of(me, colleague)) {
            NabijUser other = recording == me ? colleague : me;
            calls.add(() -> {
                for (int i = 0; i < 30; i++) {
                    as(
                                    recording,
                                    "recordCollaboration",
                                    Map.of(
                                            "householdId",
                                            HOUSEHOLD,
                                            "withProfessionalId",
                                            other.professionalId(),
                                            "kind",
                                            "PHONE_CALL",
                                            "on",
                                            TODAY.toString()))
                            .path("recordCollaboration.with.id")
                            .entity(String.class)
                            .isEqualTo(other.professionalId());
                }
                return 30;
            });
        }
        int answered = 0;
        for (Future<Integer> client : clients.invokeAll(calls)) {
            answered += client.get();
        }
        clients.shutdown();

        assertThat(answered).isEqualTo(120);
    }

    @Test
    void aRecordedCollaborationClosesAnUncoordinatedPair() {
        assertThat(uncoordinatedPairs()).isEqualTo(3);

        as(
                        INVOLVED.get(0),
                        "recordCollaboration",
                        Map.of(
                                "householdId",
                                HOUSEHOLD,
                                "withProfessionalId",
                                INVOLVED.get(1).professionalId(),
                                "kind",
                                "CASE_MEETING",
                                "on",
                                TODAY.toString()))
                .path("recordCollaboration.with.id")
                .entity(String.class)
                .isEqualTo(INVOLVED.get(1).professionalId());
        assertThat(uncoordinatedPairs()).isEqualTo(2);

        as(
                        INVOLVED.get(0),
                        "recordCollaboration",
                        Map.of(
                                "householdId",
                                HOUSEHOLD,
                                "withProfessionalId",
                                OUTSIDER.professionalId(),
                                "kind",
                                "PHONE_CALL",
                                "on",
                                TODAY.plusDays(1).toString()))
                .path("recordCollaboration.errors[*].code")
                .entityList(String.class)
                .containsExactly("ON_IN_FUTURE");
        as(
                        INVOLVED.get(0),
                        "recordCollaboration",
                        Map.of(
                                "householdId",
                                HOUSEHOLD,
                                "withProfessionalId",
                                OUTSIDER.professionalId(),
                                "kind",
                                "PHONE_CALL",
                                "on",
                                TODAY.toString()))
                .path("recordCollaboration.errors[*].code")
                .entityList(String.class)
                .containsExactly("NOT_INVOLVED");
        assertThat(uncoordinatedPairs()).isEqualTo(2);
    }

    private int uncoordinatedPairs() {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdUncoordinatedPairCount")
                .variable("id", HOUSEHOLD)
                .execute()
                .path("household.overlap.uncoordinatedPairCount")
                .entity(Integer.class)
                .get();
    }

    @Test
    void theRulesFlagForTheDayTheyAreAskedFor() {
        assertThat(flagsOn(SINCE.plusDays(30))).isEmpty();
        assertThat(flagsOn(SINCE.plusDays(31))).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(RegieFlag.Rule.NO_COORDINATOR);
            assertThat(flag.since()).isEqualTo(SINCE.plusDays(30));
        });
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdRegieFlags")
                .variable("id", HOUSEHOLD)
                .execute()
                .path("household.regieFlags[*].rule")
                .entityList(String.class)
                .containsExactly("NO_COORDINATOR")
                // The facts, for the web app to word: never a sentence in one language.
                .path("household.regieFlags[0].daysToCoordinator")
                .entity(Integer.class)
                .isEqualTo(30);

        coordinate(INVOLVED.get(0), "assignCoordinator", INVOLVED.get(0))
                .path("assignCoordinator.coordinator.id")
                .entity(String.class)
                .isEqualTo(INVOLVED.get(0).professionalId());
        driver.executableQuery(
                        """
                        MATCH (p:Professional {id: $other})-[:EMPLOYED_BY]->(o:Organisation), (h:Household {id: $household})
                        CREATE (p)-[:REGISTERED]->(i:Involvement {id: randomUUID(), domain: 'YOUTH', status: 'ACTIVE',
                                since: $today})-[:CONCERNS]->(h)
                        CREATE (i)-[:ON_BEHALF_OF]->(o)
                        """)
                .withParameters(Map.of("other", SAME_KIND.professionalId(), "household", HOUSEHOLD, "today", TODAY))
                .execute();
        assertThat(flagsOn(TODAY))
                .as("the coordinator's organisation and the newcomer's are of one kind")
                .extracting(RegieFlag::rule)
                .containsExactly(RegieFlag.Rule.REDUNDANT_CARE);

        driver.executableQuery(
                        """
                        MATCH (:Professional {id: $first})-[:REGISTERED]->(i:Involvement)-[:CONCERNS]->(:Household {id: $household})
                        SET i.status = 'ENDED', i.until = $today
                        """)
                .withParameters(
                        Map.of("first", INVOLVED.get(0).professionalId(), "household", HOUSEHOLD, "today", TODAY))
                .execute();
        assertThat(flagsOn(TODAY))
                .as("with the coordinator's involvement ended, their organisation no longer doubles the newcomer's")
                .extracting(RegieFlag::rule)
                .containsExactly(RegieFlag.Rule.COORDINATOR_NOT_INVOLVED);
    }

    private List<RegieFlag> flagsOn(LocalDate day) {
        return rules.flags(List.of(HOUSEHOLD), id -> id, day).get(HOUSEHOLD);
    }
}
