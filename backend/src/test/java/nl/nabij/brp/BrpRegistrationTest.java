package nl.nabij.brp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestHouseholds;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With the BRP connected (the stub BRP, answering recorded responses): a professional registers an involvement by BSN
 * for a person Nabij does not hold, and the person is added with their household; when the BRP fails the registration
 * fails with a typed error and nothing is written; the sync follows moves, moves away and deaths; and a person under
 * {@code geheimhoudingPersoonsgegevens} is shown only to the professionals involved. Every request Nabij sent and every
 * answer the stub gave keep to the BRP API Personen's OpenAPI description.
 */
@NabijIntegrationTest
class BrpRegistrationTest {

    private static final StubBrp STUB = new StubBrp();

    private static final String NOOR = "931134444";
    private static final String SEM = "997248622";
    private static final String LOTTE = "929686640";
    private static final String DAAN = "971975334";
    private static final String KEES = "940255820";
    private static final String FLEUR = "936873668";
    private static final String NOBODY = "952737255";
    private static final List<String> EVERYONE = List.of(NOOR, SEM, LOTTE, DAAN, KEES, FLEUR, NOBODY);

    private static final NabijUser PROFESSIONAL = TestUsers.outsider();
    private static final NabijUser TEAM_LEAD = TestUsers.teamLead();
    private static final NabijUser ADMINISTRATOR = TestUsers.demo(Role.ADMINISTRATOR);

    @DynamicPropertySource
    static void brp(DynamicPropertyRegistry registry) {
        registry.add("nabij.brp.enabled", () -> "true");
        registry.add("nabij.brp.base-url", STUB::baseUrl);
        registry.add("nabij.brp.read-timeout", () -> "1s");
        registry.add("nabij.brp.oauth.token-uri", () -> STUB.baseUrl() + "/token");
        registry.add("nabij.brp.oauth.client-id", () -> StubBrp.CLIENT_ID);
        registry.add("nabij.brp.oauth.client-secret", () -> StubBrp.CLIENT_SECRET);
        registry.add("nabij.brp.sync.cron", () -> "-");
        // This class starts a context of its own, whose first statements Neo4j plans while the build machine is busy.
        registry.add("nabij.graphql.timeout", () -> "60s");
        registry.add("spring.transaction.default-timeout", () -> "60s");
    }

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    private final LocalDate today = LocalDate.now();

    @AfterEach
    void removeWhatTheBrpBroughtAndCheckTheContract() {
        List<String> pseudonyms =
                EVERYONE.stream().map(pseudonymiser::pseudonymise).toList();
        driver.executableQuery(
                        """
                        MATCH (r:Resident) WHERE r.pseudonym IN $pseudonyms
                        MATCH (r)-[:MEMBER_OF|MOVED_FROM]->(h:Household)
                        RETURN collect(DISTINCT h.id) AS ids
                        """)
                .withParameters(Map.of("pseudonyms", pseudonyms))
                .execute()
                .records()
                .getFirst()
                .get("ids")
                .asList(value -> value.asString())
                .forEach(id -> TestHouseholds.removeWithItsCircle(driver, id));
        for (StubBrp.Exchange exchange : STUB.exchanges()) {
            assertThat(BrpContract.requestProblems(exchange.request())).isEmpty();
            if (exchange.answer() != null) {
                assertThat(BrpContract.answerProblems(exchange.status(), exchange.answer()))
                        .isEmpty();
            }
        }
        STUB.reset();
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    private JsonNode register(String bsn, String domain) {
        return GraphQlClients.answer(
                port,
                """
                mutation { registerInvolvement(input: {bsn: "%s", domain: %s, since: "%s"}) {
                  created involvement { id status resident { displayName role } } errors { field code } } }
                """
                        .formatted(bsn, domain, today),
                PROFESSIONAL);
    }

    private JsonNode household(String bsn, NabijUser user) {
        return GraphQlClients.answer(
                port,
                """
                { householdOfResident(bsn: "%s") { id address { postcode houseNumber }
                    members { displayName birthYear role }
                    involvements(activeOnly: false) { status endReason resident { displayName } } } }
                """
                        .formatted(bsn),
                user);
    }

    private JsonNode sync(String bsns) {
        return GraphQlClients.answer(
                port,
                """
                mutation { syncResidentsFromBrp(input: {%s}) {
                  sync { checked moved movedAway deceased involvementsEnded notFound } errors { field code } } }
                """
                        .formatted(bsns),
                ADMINISTRATOR);
    }

    private static List<String> members(JsonNode household) {
        return household
                .path("members")
                .valueStream()
                .map(member -> member.path("displayName").asString() + " "
                        + member.path("birthYear").asInt() + " "
                        + member.path("role").asString())
                .toList();
    }

    private long held(String... bsns) {
        return driver.executableQuery("MATCH (r:Resident) WHERE r.pseudonym IN $pseudonyms RETURN count(r) AS n")
                .withParameters(Map.of(
                        "pseudonyms",
                        Stream.of(bsns).map(pseudonymiser::pseudonymise).toList()))
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    private long householdsAt(String postcode, int houseNumber) {
        return driver.executableQuery(
                        "MATCH (h:Household {postcode: $postcode, houseNumber: $houseNumber}) RETURN count(h) AS n")
                .withParameters(Map.of("postcode", postcode, "houseNumber", houseNumber))
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    private void theFamilyIsRegistered() {
        STUB.persons("raadpleeg-noor.json").at("9901010000000007", "zoek-adres-1311ZA-7.json");
        assertThat(register(NOOR, "WMO").at("/data/registerInvolvement/created").asBoolean())
                .isTrue();
    }

    @Test
    void registeringByBsnAPersonNabijDoesNotHoldAddsThemWithTheirHousehold() {
        assertThat(held(NOOR, SEM, LOTTE, DAAN, KEES)).isZero();
        STUB.persons("raadpleeg-noor.json").at("9901010000000007", "zoek-adres-1311ZA-7.json");

        JsonNode answer = register(NOOR, "WMO");
        JsonNode registered = answer.at("/data/registerInvolvement");

        assertThat(registered.path("errors").isArray()).as(answer.toString()).isTrue();
        assertThat(registered.path("errors").isEmpty()).isTrue();
        assertThat(registered.at("/involvement/resident/displayName").asString())
                .isEqualTo("Noor Vermeulen");
        JsonNode household = household(NOOR, PROFESSIONAL).at("/data/householdOfResident");
        assertThat(household.at("/address/postcode").asString()).isEqualTo("1311ZA");
        assertThat(household.at("/address/houseNumber").asInt()).isEqualTo(7);
        // Partner and child by the BRP's relations, the partner's child by gezag; the lodger is no family.
        assertThat(members(household))
                .containsExactlyInAnyOrder(
                        "Noor Vermeulen 1984 ADULT",
                        "Sem Bakker 1982 ADULT",
                        "Lotte Bakker 2015 CHILD",
                        "Daan Bakker 2012 CHILD");
        assertThat(household.at("/involvements/0/resident/displayName").asString())
                .isEqualTo("Noor Vermeulen");
        assertThat(held(KEES)).isZero();
        // A transaction retried after a transient database error asks again; it asks nothing else.
        assertThat(STUB.exchanges())
                .extracting(exchange -> exchange.request().path("type").asString())
                .containsOnly("RaadpleegMetBurgerservicenummer", "ZoekMetAdresseerbaarObjectIdentificatie")
                .contains("ZoekMetAdresseerbaarObjectIdentificatie");
    }

    @Test
    void nabijStoresNoBsnOfThoseItAdded() {
        theFamilyIsRegistered();

        long withABsn = driver.executableQuery(
                        """
                        MATCH (n) WHERE (n:Resident OR n:Household)
                          AND any(key IN keys(n) WHERE any(bsn IN $bsns WHERE toString(n[key]) CONTAINS bsn))
                        RETURN count(n) AS n
                        """)
                .withParameters(Map.of("bsns", List.of(NOOR, SEM, LOTTE, DAAN)))
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();

        assertThat(withABsn).isZero();
        assertThat(held(NOOR, SEM, LOTTE, DAAN)).isEqualTo(4);
    }

    @Test
    void aPersonNabijHoldsIsNotAskedForAgain() {
        theFamilyIsRegistered();
        int asked = STUB.exchanges().size();

        JsonNode again = register(SEM, "DEBT").at("/data/registerInvolvement");

        assertThat(again.path("created").asBoolean()).isTrue();
        assertThat(again.at("/involvement/resident/displayName").asString()).isEqualTo("Sem Bakker");
        assertThat(STUB.exchanges()).hasSize(asked);
    }

    @Test
    void whenTheBrpFailsTheRegistrationFailsWithATypedErrorAndWritesNothing() {
        STUB.at("9901010000000007", "zoek-adres-1311ZA-7.json");
        Map<StubBrp.Failure, String> failures = Map.of(
                new StubBrp.Failure.HangUp(), "BRP_UNAVAILABLE",
                new StubBrp.Failure.Problem(503, "foutbericht-503.json"), "BRP_UNAVAILABLE",
                new StubBrp.Failure.Slow(java.time.Duration.ofSeconds(2)), "BRP_TIMEOUT",
                new StubBrp.Failure.Problem(403, "foutbericht-403.json"), "BRP_REFUSED");

        failures.forEach((failure, code) -> {
            STUB.failFor(NOOR, failure);

            JsonNode answer = register(NOOR, "WMO").at("/data/registerInvolvement");

            assertThat(answer.path("involvement").isNull()).isTrue();
            assertThat(answer.at("/errors/0/field").asString()).isEqualTo("bsn");
            assertThat(answer.at("/errors/0/code").asString())
                    .as(failure.toString())
                    .isEqualTo(code);
            assertThat(held(NOOR, SEM, LOTTE, DAAN)).isZero();
            assertThat(householdsAt("1311ZA", 7)).isZero();
        });
    }

    @Test
    void aPersonTheBrpDoesNotKnowIsAnUnknownResident() {
        JsonNode answer = register(NOBODY, "WMO").at("/data/registerInvolvement");

        assertThat(answer.at("/errors/0/code").asString()).isEqualTo("UNKNOWN_RESIDENT");
        assertThat(held(NOBODY)).isZero();
    }

    @Test
    void theSyncFollowsAMoveAMoveAwayAndADeath() {
        theFamilyIsRegistered();
        register(SEM, "DEBT");
        register(LOTTE, "YOUTH");
        String oldHousehold =
                household(NOOR, PROFESSIONAL).at("/data/householdOfResident/id").asString();
        STUB.persons("raadpleeg-noor-verhuisd.json")
                .persons("raadpleeg-sem-vertrokken.json")
                .persons("raadpleeg-lotte-overleden.json");

        JsonNode report = sync("bsns: [\"%s\", \"%s\", \"%s\"]".formatted(NOOR, SEM, LOTTE))
                .at("/data/syncResidentsFromBrp");

        assertThat(report.path("errors").isEmpty()).isTrue();
        assertThat(report.at("/sync/checked").asInt()).isEqualTo(3);
        assertThat(report.at("/sync/moved").asInt()).isEqualTo(1);
        assertThat(report.at("/sync/movedAway").asInt()).isEqualTo(1);
        assertThat(report.at("/sync/deceased").asInt()).isEqualTo(1);
        assertThat(report.at("/sync/involvementsEnded").asInt()).isEqualTo(2);
        assertThat(driver.executableQuery(
                                """
                                MATCH (e:AuditEvent {purpose: 'brp-sync'})-[:ABOUT]->(:AuditSubject {pseudonym: $p})
                                RETURN count(e) AS n
                                """)
                        .withParameters(Map.of("p", pseudonymiser.pseudonymise(NOOR)))
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong())
                .as("the move is in her access log")
                .isEqualTo(1);
        JsonNode moved = household(NOOR, PROFESSIONAL).at("/data/householdOfResident");
        assertThat(moved.at("/address/postcode").asString()).isEqualTo("1312ZC");
        assertThat(members(moved)).containsExactly("Noor Vermeulen 1984 ADULT");
        // Her own involvement went with her; the old household keeps the rest of its history.
        assertThat(moved.at("/involvements/0/status").asString()).isEqualTo("ACTIVE");
        JsonNode old = household(SEM, TEAM_LEAD).at("/data/householdOfResident");
        assertThat(old.path("id").asString()).isEqualTo(oldHousehold);
        assertThat(members(old)).hasSize(3).noneMatch(member -> member.startsWith("Noor"));
        assertThat(old.path("involvements")
                        .valueStream()
                        .map(involvement ->
                                involvement.at("/resident/displayName").asString() + " "
                                        + involvement.path("status").asString() + " "
                                        + involvement.path("endReason").asString()))
                .containsExactlyInAnyOrder("Sem Bakker ENDED MOVED", "Lotte Bakker ENDED DECEASED");
        assertThat(driver.executableQuery(
                                "MATCH (:Resident {pseudonym: $p})-[m:MOVED_FROM]->(:Household {id: $h}) RETURN m.until AS until")
                        .withParameters(Map.of("p", pseudonymiser.pseudonymise(NOOR), "h", oldHousehold))
                        .execute()
                        .records())
                .singleElement()
                .satisfies(
                        record -> assertThat(record.get("until").asLocalDate()).isEqualTo(today));
    }

    @Test
    void theNightlySyncFindsAMoverThroughTheFamilyStillAtTheAddress() {
        theFamilyIsRegistered();
        STUB.persons("raadpleeg-noor-verhuisd.json")
                .persons("raadpleeg-sem.json")
                .persons("raadpleeg-lotte.json")
                .persons("raadpleeg-daan.json")
                .at("1311ZA-7", "zoek-postcode-1311ZA-7-na-verhuizing.json");

        JsonNode report = sync("").at("/data/syncResidentsFromBrp");

        assertThat(report.path("errors").isEmpty()).isTrue();
        assertThat(report.at("/sync/moved").asInt()).isEqualTo(1);
        assertThat(report.at("/sync/checked").asInt()).isEqualTo(4);
        assertThat(household(NOOR, PROFESSIONAL)
                        .at("/data/householdOfResident/address/postcode")
                        .asString())
                .isEqualTo("1312ZC");
    }

    @Test
    void aSyncWhileTheBrpIsDownSaysSo() {
        theFamilyIsRegistered();
        STUB.failFor(NOOR, new StubBrp.Failure.HangUp());

        JsonNode report = sync("bsns: [\"%s\"]".formatted(NOOR)).at("/data/syncResidentsFromBrp");

        assertThat(report.path("sync").isNull()).isTrue();
        assertThat(report.at("/errors/0/code").asString()).isEqualTo("BRP_UNAVAILABLE");
    }

    @Test
    void aPersonUnderSecrecyIsShownOnlyToTheProfessionalsInvolved() {
        STUB.persons("raadpleeg-fleur-geheim.json").at("9901010000000003", "zoek-adres-1311ZB-3.json");
        assertThat(register(FLEUR, "WMO")
                        .at("/data/registerInvolvement/created")
                        .asBoolean())
                .isTrue();

        JsonNode involved = household(FLEUR, PROFESSIONAL).at("/data/householdOfResident");
        JsonNode teamLeadAnswer = GraphQlClients.answer(
                port,
                """
                        { householdsAtAddress(postcode: "1311ZB", houseNumber: 3) {
                            members { displayName } involvements(activeOnly: false) { id } overlap { involvementCount } } }
                        """,
                TEAM_LEAD);
        JsonNode teamLead = teamLeadAnswer.at("/data/householdsAtAddress");

        assertThat(members(involved)).containsExactly("Fleur van Dijk 1991 ADULT");
        // The team lead sees the household in their area, but not who lives there, nor who helps her.
        assertThat(teamLead).as(teamLeadAnswer.toString()).hasSize(1);
        assertThat(teamLead.at("/0/members").isEmpty()).isTrue();
        assertThat(teamLead.at("/0/involvements").isEmpty()).isTrue();
        assertThat(teamLead.at("/0/overlap/involvementCount").asInt()).isZero();
    }

    @Test
    void everyStatementOfTheBrpConnectionStartsFromAnIndex() {
        Map<String, Object> parameters = new java.util.HashMap<>();
        Stream.of(
                        "postcode",
                        "municipality",
                        "addition",
                        "neighbourhood",
                        "householdId",
                        "pseudonym",
                        "displayName",
                        "reason",
                        "after",
                        "id")
                .forEach(name -> parameters.put(name, "x"));
        parameters.put("houseNumber", 1);
        parameters.put("birthYear", 1);
        parameters.put("size", 1);
        parameters.put("confidential", false);
        parameters.put("today", today);
        parameters.put("pseudonyms", List.of("x"));
        parameters.put("members", List.of());
        List<String> problems = new java.util.ArrayList<>();
        for (String statement : List.of(
                BrpQueries.PLACE,
                BrpQueries.HELD,
                BrpQueries.ADMIT,
                BrpQueries.HOME,
                BrpQueries.REFRESH,
                BrpQueries.END_INVOLVEMENTS,
                BrpQueries.MOVE,
                BrpQueries.ADDRESSES,
                BrpQueries.MEMBERS)) {
            try (var session = driver.session()) {
                collectScans(
                        session.run(new org.neo4j.driver.Query("EXPLAIN " + statement, parameters))
                                .consume()
                                .plan(),
                        statement,
                        problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void collectScans(org.neo4j.driver.summary.Plan plan, String statement, List<String> problems) {
        String details = plan.arguments().containsKey("Details")
                ? plan.arguments().get("Details").asString()
                : "";
        if (plan.operatorType().startsWith("CartesianProduct")
                || plan.operatorType().startsWith("AllNodesScan")
                || (plan.operatorType().startsWith("NodeByLabelScan")
                        && Stream.of(":Household", ":Resident", ":Involvement").anyMatch(details::contains))) {
            problems.add(plan.operatorType() + " " + details + " in " + statement);
        }
        plan.children().forEach(child -> collectScans(child, statement, problems));
    }
}
