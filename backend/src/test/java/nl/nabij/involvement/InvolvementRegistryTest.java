package nl.nabij.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Professionals register, end and renew their involvements: idempotently, also under retries and concurrent calls,
 * with typed errors for bad input, "as of" answers from the validity intervals, and a lifecycle that expires and
 * finally removes them.
 */
@NabijIntegrationTest
class InvolvementRegistryTest {

    private static final SeedData.Household CASE = SeedData.fromClasspath().caseHousehold();
    private static final SeedData.Member MEMBER = CASE.members().get(0);
    private static final NabijUser OUTSIDER = TestUsers.outsider();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    InvolvementLifecycle lifecycle;

    private final LocalDate today = LocalDate.now();

    @AfterEach
    void removeTheOutsidersRegistrations() {
        driver.executableQuery(
                        "MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement) WHERE i.registeredAt IS NOT NULL "
                                + "DETACH DELETE i")
                .withParameters(Map.of("me", OUTSIDER.professionalId()))
                .execute();
    }

    private GraphQlTester.Response register(NabijUser user, Map<String, Object> input) {
        return GraphQlClients.overHttp(port, user)
                .documentName("registerInvolvement")
                .variable("input", input)
                .execute();
    }

    private Map<String, Object> byBsn(String domain, LocalDate since) {
        Map<String, Object> input = new HashMap<>();
        input.put("bsn", MEMBER.bsn());
        input.put("domain", domain);
        input.put("since", since.toString());
        return input;
    }

    private long outsidersRegistrations() {
        return driver.executableQuery(
                        "MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement) WHERE i.registeredAt IS NOT NULL "
                                + "RETURN count(i) AS n")
                .withParameters(Map.of("me", OUTSIDER.professionalId()))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private GraphQlTester.Response caseAsOutsider() {
        return GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute();
    }

    @Test
    void aRegistrationByBsnOpensTheHouseholdAndRegisteringAgainReturnsTheSameOne() {
        caseAsOutsider().path("household").valueIsNull();

        var first = register(OUTSIDER, byBsn("WMO", today.minusDays(10)));

        first.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(true);
        first.path("registerInvolvement.involvement.resident.displayName")
                .entity(String.class)
                .isEqualTo(MEMBER.displayName());
        first.path("registerInvolvement.involvement.expiresOn")
                .entity(String.class)
                .isEqualTo(today.plusYears(2).toString());
        String id = first.path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        caseAsOutsider().path("household.id").entity(String.class).isEqualTo(CASE.id());

        var again = register(OUTSIDER, byBsn("WMO", today.minusDays(3)));

        again.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(false);
        again.path("registerInvolvement.involvement.id").entity(String.class).isEqualTo(id);
        assertThat(outsidersRegistrations()).isEqualTo(1);
    }

    @Test
    void aProfessionalInvolvedWithOneMemberMayRegisterOnTheWholeHouseholdById() {
        register(OUTSIDER, byBsn("WMO", today))
                .path("registerInvolvement.created")
                .entity(Boolean.class)
                .isEqualTo(true);

        var byHousehold =
                register(OUTSIDER, Map.of("householdId", CASE.id(), "domain", "DEBT", "since", today.toString()));

        byHousehold.path("registerInvolvement.errors").entityList(Object.class).hasSize(0);
        byHousehold.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(true);
        assertThat(outsidersRegistrations()).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameClientMutationIdReturnsWhatTheFirstCallMade() {
        Map<String, Object> input = byBsn("DEBT", today);
        input.put("clientMutationId", "retry-7f3a");
        String id = register(OUTSIDER, input)
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();

        input.put("domain", "PARTICIPATION");
        var retry = register(OUTSIDER, input);

        retry.path("registerInvolvement.involvement.id").entity(String.class).isEqualTo(id);
        retry.path("registerInvolvement.involvement.domain")
                .entity(String.class)
                .isEqualTo("DEBT");
        retry.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(false);
        assertThat(outsidersRegistrations()).isEqualTo(1);
    }

    /**
     * A retry that arrives after the involvement ended returns the involvement but not whom it concerns: the
     * professional may no longer see the resident, and the resident's name may have changed since the first answer.
     */
    @Test
    void aRetryAfterTheInvolvementEndedNamesNoResident() {
        Map<String, Object> input = byBsn("DEBT", today);
        input.put("clientMutationId", "retry-after-end");
        var first = register(OUTSIDER, input);
        first.path("registerInvolvement.involvement.resident.displayName")
                .entity(String.class)
                .isEqualTo(MEMBER.displayName());
        String id = first.path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("endInvolvement")
                .variable("input", Map.of("involvementId", id, "until", today.toString(), "reason", "GOAL_REACHED"))
                .execute()
                .path("endInvolvement.errors")
                .entityList(Object.class)
                .hasSize(0);

        var retry = register(OUTSIDER, input);

        retry.path("registerInvolvement.involvement.id").entity(String.class).isEqualTo(id);
        retry.path("registerInvolvement.involvement.status")
                .entity(String.class)
                .isEqualTo("ENDED");
        retry.path("registerInvolvement.involvement.resident").valueIsNull();
        assertThat(outsidersRegistrations()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRegistrationsOfTheSameInvolvementMakeOne() throws Exception {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inputs.add(byBsn("YOUTH", today));
        }

        List<String> ids = registeredAtOnce(inputs);

        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(outsidersRegistrations()).isEqualTo(1);
    }

    /**
     * Twenty retries of one call, each naming another domain so that only the clientMutationId can tell them apart,
     * arrive at once: the lock, the look-up of the retry key and the write are one statement, and still exactly one
     * involvement is made and every call answers with it.
     */
    @Test
    void twentyConcurrentRetriesOfOneClientMutationIdMakeOne() throws Exception {
        List<String> domains = List.of("DEBT", "YOUTH", "PARTICIPATION", "WMO");
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> input = byBsn(domains.get(i % domains.size()), today);
            input.put("clientMutationId", "concurrent-retry");
            inputs.add(input);
        }

        List<String> ids = registeredAtOnce(inputs);

        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(outsidersRegistrations()).isEqualTo(1);
    }

    /**
     * Registrations arriving together are committed together; one that cannot be made (its token names a professional
     * Nabij does not hold) fails its own request only, and every other one is made and answered.
     */
    @Test
    void aRegistrationThatFailsAmongManyAtOnceFailsOnlyItself() throws Exception {
        List<String> domains = List.of("DEBT", "YOUTH", "PARTICIPATION", "WMO");
        NabijUser ghost = new NabijUser(
                "ghost", Role.PROFESSIONAL, UUID.randomUUID().toString(), null, OUTSIDER.organisationId());
        ExecutorService pool = Executors.newFixedThreadPool(13);
        List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            NabijUser user = i == 6 ? ghost : OUTSIDER;
            Map<String, Object> input = byBsn(domains.get(i % domains.size()), today);
            calls.add(() -> register(user, input));
        }
        List<Future<GraphQlTester.Response>> answers = pool.invokeAll(calls);
        pool.shutdown();

        for (int i = 0; i < answers.size(); i++) {
            GraphQlTester.Response answer = answers.get(i).get();
            if (i == 6) {
                answer.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
            } else {
                answer.path("registerInvolvement.involvement.domain")
                        .entity(String.class)
                        .isEqualTo(domains.get(i % domains.size()));
            }
        }
        assertThat(outsidersRegistrations()).isEqualTo(domains.size());
    }

    /** The involvement each registration answers with, all sent at once by the outsider. */
    private List<String> registeredAtOnce(List<Map<String, Object>> inputs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        List<Callable<String>> calls = new ArrayList<>();
        for (Map<String, Object> input : inputs) {
            // The calls queue on the professional's lock, so the last waits for all the others.
            calls.add(() -> GraphQlClients.overHttp(port, OUTSIDER)
                    .mutate()
                    .responseTimeout(Duration.ofSeconds(60))
                    .build()
                    .documentName("registerInvolvement")
                    .variable("input", input)
                    .execute()
                    .path("registerInvolvement.involvement.id")
                    .entity(String.class)
                    .get());
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> result : pool.invokeAll(calls)) {
            ids.add(result.get());
        }
        pool.shutdown();
        return ids;
    }

    @Test
    void endingRenewingAndAsOfFollowTheValidityInterval() {
        LocalDate since = today.minusDays(30);
        String id = register(OUTSIDER, byBsn("ZVW", since))
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        driver.executableQuery("MATCH (i:Involvement {id: $id}) SET i.expiresOn = $soon")
                .withParameters(Map.of("id", id, "soon", today.plusDays(3)))
                .execute();
        GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("renewInvolvement")
                .variable("id", id)
                .execute()
                .path("renewInvolvement.involvement.expiresOn")
                .entity(String.class)
                .isEqualTo(today.plusYears(2).toString());

        var ended = GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("endInvolvement")
                .variable(
                        "input",
                        Map.of("involvementId", id, "until", today.minusDays(10).toString(), "reason", "GOAL_REACHED"))
                .execute();
        ended.path("endInvolvement.involvement.status").entity(String.class).isEqualTo("ENDED");
        ended.path("endInvolvement.involvement.endReason").entity(String.class).isEqualTo("GOAL_REACHED");

        assertThat(involvementIdsAsOf(today.minusDays(20))).contains(id);
        assertThat(involvementIdsAsOf(today.minusDays(10))).contains(id);
        assertThat(involvementIdsAsOf(today.minusDays(9))).doesNotContain(id);
        assertThat(involvementIdsAsOf(since.minusDays(1))).doesNotContain(id);
    }

    private void endedOn(String id, LocalDate until) {
        driver.executableQuery("MATCH (i:Involvement {id: $id}) SET i.until = $until")
                .withParameters(Map.of("id", id, "until", until))
                .execute();
    }

    private List<String> involvementIdsAsOf(LocalDate day) {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdInvolvementsAsOf")
                .variable("id", CASE.id())
                .variable("day", day.toString())
                .execute()
                .path("household.involvements[*].id")
                .entityList(String.class)
                .get();
    }

    @Test
    void badInputIsATypedErrorAndWritesNothing() {
        Map<String, Object> twoTargets = byBsn("WMO", today.plusDays(1));
        twoTargets.put("householdId", CASE.id());
        register(OUTSIDER, twoTargets)
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("ONE_TARGET", "SINCE_IN_FUTURE");
        Map<String, Object> invalidBsn = byBsn("WMO", today);
        invalidBsn.put("bsn", "123456789");
        register(OUTSIDER, invalidBsn)
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("INVALID_BSN");
        Map<String, Object> notVisible = new HashMap<>(Map.of("householdId", CASE.id(), "domain", "WMO"));
        notVisible.put("since", today.toString());
        register(OUTSIDER, notVisible)
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("UNKNOWN_HOUSEHOLD");
        Map<String, Object> throughTeam = byBsn("WMO", today);
        throughTeam.put("throughTeam", true);
        register(OUTSIDER, throughTeam)
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("NOT_IN_A_TEAM");
        assertThat(outsidersRegistrations()).isZero();

        String someoneElses = SeedData.fromClasspath().involvements().stream()
                .filter(SeedData.Involvement::active)
                .findFirst()
                .orElseThrow()
                .id();
        GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("endInvolvement")
                .variable("input", Map.of("involvementId", someoneElses, "until", today.toString(), "reason", "MOVED"))
                .execute()
                .path("endInvolvement.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_INVOLVEMENT");
        String own = register(OUTSIDER, byBsn("WMO", today.minusDays(5)))
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("endInvolvement")
                .variable(
                        "input",
                        Map.of("involvementId", own, "until", today.minusDays(6).toString(), "reason", "EXPIRED"))
                .execute()
                .path("endInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("UNTIL_BEFORE_SINCE", "RESERVED_REASON");
    }

    @Test
    void onlyProfessionalsAndTeamLeadsRegister() {
        for (Role role : List.of(Role.ANALYST, Role.RESIDENT, Role.ADMINISTRATOR)) {
            register(TestUsers.demo(role), byBsn("WMO", today)).errors().satisfy(errors -> assertThat(
                            errors.get(0).getErrorType().toString())
                    .isEqualTo("FORBIDDEN"));
        }
    }

    @Test
    void theLifecycleExpiresAnUnrenewedInvolvementAndRemovesItAfterTheKeepingPeriod() {
        String id = register(OUTSIDER, byBsn("WMO", today.minusYears(3)))
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        driver.executableQuery("MATCH (i:Involvement {id: $id}) SET i.expiresOn = $yesterday")
                .withParameters(Map.of("id", id, "yesterday", today.minusDays(1)))
                .execute();

        assertThat(lifecycle.runOn(today).expired()).isEqualTo(1);
        Map<String, Object> expired = driver.executableQuery(
                        "MATCH (i:Involvement {id: $id}) RETURN i {.status, .until, .endReason} AS i")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .get(0)
                .get("i")
                .asMap();
        assertThat(expired)
                .containsEntry("status", "ENDED")
                .containsEntry("endReason", "EXPIRED")
                .containsEntry("until", today.minusDays(1));

        // Moved back in time instead of running the clock forward: the demo data in the shared database must stay.
        endedOn(id, today.minusYears(5));
        assertThat(lifecycle.runOn(today).removed())
                .as("exactly five years after its end it is still kept")
                .isZero();
        endedOn(id, today.minusYears(5).minusDays(1));
        assertThat(lifecycle.runOn(today).removed()).isEqualTo(1);
        assertThat(outsidersRegistrations()).isZero();
    }
}
