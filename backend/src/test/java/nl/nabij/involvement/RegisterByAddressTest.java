package nl.nabij.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestHouseholds;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;

/**
 * A professional registers with a household they are not in by its address and a member's name and birth year, on a
 * legal basis: exactly one matching member opens the household, anything else is one error that tells nothing about
 * who lives there, writes nothing but its audit event, and counts towards the hourly limit on such misses.
 */
@NabijIntegrationTest
class RegisterByAddressTest {

    private static final NabijUser OUTSIDER = TestUsers.outsider();
    private static final String HOUSEHOLD = UUID.randomUUID().toString();
    private static final String NOOR = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    InvolvementProperties properties;

    private final LocalDate today = LocalDate.now();

    /** Noor, and two members whose names differ only in capitals and spaces: "Sam de Wit" names neither. */
    @BeforeEach
    void aHouseholdTheOutsiderIsNotIn() {
        driver.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (h:Household {id: $household, postcode: '9999ZY', houseNumber: 5,
                                houseNumberAddition: 'A'})-[:LOCATED_IN]->(n)
                        CREATE (:Resident {id: $noor, pseudonym: $p1, displayName: 'Noor Kringtést',
                                birthYear: 1984})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        CREATE (:Resident {id: randomUUID(), pseudonym: $p2, displayName: 'Sam de Wit',
                                birthYear: 1990})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        CREATE (:Resident {id: randomUUID(), pseudonym: $p3, displayName: 'Sam De Wit',
                                birthYear: 1990})-[:MEMBER_OF {role: 'CHILD'}]->(h)
                        """)
                .withParameters(Map.of(
                        "neighbourhood",
                                SeedData.fromClasspath().caseHousehold().neighbourhoodCode(),
                        "household", HOUSEHOLD,
                        "noor", NOOR,
                        "p1", pseudonymiser.pseudonymise("999990019"),
                        "p2", pseudonymiser.pseudonymise("999990020"),
                        "p3", pseudonymiser.pseudonymise("999990032")))
                .execute();
    }

    @AfterEach
    void removeTheHouseholdAndTheOutsidersMisses() {
        TestHouseholds.removeWithItsCircle(driver, HOUSEHOLD);
        driver.executableQuery("MATCH (p:Professional {id: $me}) REMOVE p.memberMisses, p.memberMissHour")
                .withParameters(Map.of("me", OUTSIDER.professionalId()))
                .execute();
    }

    private GraphQlTester.Response register(Map<String, Object> input) {
        return GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("registerInvolvementByAddress")
                .variable("input", input)
                .execute();
    }

    private Map<String, Object> byAddress(String postcode, String name, int birthYear) {
        Map<String, Object> member = new HashMap<>();
        member.put("postcode", postcode);
        member.put("houseNumber", 5);
        member.put("houseNumberAddition", "a");
        member.put("name", name);
        member.put("birthYear", birthYear);
        Map<String, Object> input = new HashMap<>();
        input.put("addressAndMember", member);
        input.put("domain", "WMO");
        input.put("since", today.toString());
        return input;
    }

    private GraphQlTester.Response household() {
        return GraphQlClients.overHttp(port, OUTSIDER)
                .documentName("householdId")
                .variable("id", HOUSEHOLD)
                .execute();
    }

    private long involvements() {
        return TestGraph.count(
                driver,
                "MATCH (:Household {id: $h})<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement) RETURN count(i)",
                Map.of("h", HOUSEHOLD));
    }

    private long auditEvents(String outcome, String basis) {
        return TestGraph.count(
                driver,
                """
                MATCH (e:AuditEvent {username: $username, purpose: 'involvement-register', outcome: $outcome,
                                     basis: $basis})
                RETURN count(e)
                """,
                Map.of("username", OUTSIDER.username(), "outcome", outcome, "basis", basis));
    }

    /** Sets the outsider's refused registrations by address in this hour, as the registry keys the hour. */
    private void missesThisHour(int misses) {
        driver.executableQuery(
                        "MATCH (p:Professional {id: $me}) SET p.memberMisses = $misses, p.memberMissHour = $hour")
                .withParameters(Map.of(
                        "me", OUTSIDER.professionalId(),
                        "misses", misses,
                        "hour", Instant.now().truncatedTo(ChronoUnit.HOURS).toString()))
                .execute();
    }

    /**
     * Only professionals and team leads register. Every other role, sending the one name and birth year that would
     * match, is refused before anyone at the address is looked up: no involvement, and nothing of the member in the
     * answer.
     */
    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ANALYST", "VOLUNTEER", "RESIDENT", "ADMINISTRATOR", "AUDITOR", "CASE_SYSTEM"})
    void noOtherRoleRegistersByAddressOrLearnsWhoLivesThere(Role role) {
        String mutation =
                """
                mutation { registerInvolvement(input: {domain: WMO, since: "%s", addressAndMember: {postcode: "9999ZY",
                  houseNumber: 5, houseNumberAddition: "A", name: "Noor Kringtest", birthYear: 1984}}) {
                  created involvement { id resident { id displayName } } errors { code } } }
                """
                        .formatted(today);

        JsonNode answer = GraphQlClients.answer(port, mutation, TestUsers.demo(role));

        assertThat(answer.path("data").path("registerInvolvement").isNull()
                        || answer.path("data").path("registerInvolvement").isMissingNode())
                .as(answer.toString())
                .isTrue();
        assertThat(answer.path("errors").isArray() && !answer.path("errors").isEmpty())
                .as(answer.toString())
                .isTrue();
        assertThat(answer.toString()).doesNotContain("Kringt", NOOR);
        assertThat(involvements()).isZero();
    }

    @Test
    void theOneMemberMatchingNameAndBirthYearIsRegisteredOnTheGivenBasisAndTheHouseholdOpens() {
        household().path("household").valueIsNull();
        long granted = auditEvents("GRANTED", "address-and-member");
        Map<String, Object> input = byAddress("9999 zy", "  noor   KRINGTEST ", 1984);
        input.put("legalBasis", "CONSENT");

        var registered = register(input);

        registered.path("registerInvolvement.errors").entityList(Object.class).hasSize(0);
        registered.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(true);
        registered
                .path("registerInvolvement.involvement.resident.displayName")
                .entity(String.class)
                .isEqualTo("Noor Kringtést");
        registered
                .path("registerInvolvement.involvement.legalBasis")
                .entity(String.class)
                .isEqualTo("CONSENT");
        household().path("household.id").entity(String.class).isEqualTo(HOUSEHOLD);
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (i:Involvement {legalBasis: 'CONSENT'})-[:CONCERNS]->(:Resident {id: $r}) RETURN count(i)",
                        Map.of("r", NOOR)))
                .isEqualTo(1);
        assertThat(auditEvents("GRANTED", "address-and-member")).isEqualTo(granted + 1);
    }

    @Test
    void theHouseholdAsAWholeIsRegisteredThroughAMatchedMemberOnPublicTaskByDefault() {
        Map<String, Object> input = byAddress("9999ZY", "Noor Kringtest", 1984);
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) input.get("addressAndMember");
        member.put("wholeHousehold", true);

        var registered = register(input);

        registered.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(true);
        registered.path("registerInvolvement.involvement.resident").valueIsNull();
        registered
                .path("registerInvolvement.involvement.legalBasis")
                .entity(String.class)
                .isEqualTo("PUBLIC_TASK");
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (i:Involvement {legalBasis: 'PUBLIC_TASK'})-[:CONCERNS]->(:Household {id: $h}) "
                                + "RETURN count(i)",
                        Map.of("h", HOUSEHOLD)))
                .isEqualTo(1);
    }

    @Test
    void noMatchAndTwoMatchesGiveTheSameErrorAndWriteNothingButTheRefusal() {
        long noMatch = auditEvents("DENIED", "no-match");
        long ambiguous = auditEvents("DENIED", "ambiguous-member");

        for (Map<String, Object> input : List.of(
                byAddress("9999ZY", "Noor Kringtest", 1985),
                byAddress("9999ZY", "Nora Kringtest", 1984),
                byAddress("9999ZZ", "Noor Kringtest", 1984),
                byAddress("9999ZY", "Sam de Wit", 1990))) {
            var refused = register(input);
            refused.path("registerInvolvement.involvement").valueIsNull();
            refused.path("registerInvolvement.errors[*].code")
                    .entityList(String.class)
                    .containsExactly("NO_MATCHING_MEMBER");
            refused.path("registerInvolvement.errors[*].field")
                    .entityList(String.class)
                    .containsExactly("addressAndMember");
        }

        assertThat(involvements()).isZero();
        household().path("household").valueIsNull();
        assertThat(auditEvents("DENIED", "no-match")).isEqualTo(noMatch + 3);
        assertThat(auditEvents("DENIED", "ambiguous-member")).isEqualTo(ambiguous + 1);
    }

    @Test
    void badInputIsATypedErrorAndChecksNobody() {
        register(byAddress("99 99", "Noor Kringtest", 1984))
                .path("registerInvolvement.errors[*].field")
                .entityList(String.class)
                .containsExactly("addressAndMember.postcode");
        register(byAddress("9999ZY", " ", 1800))
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("REQUIRED", "BIRTH_YEAR_OUT_OF_RANGE");
        Map<String, Object> twoWays = byAddress("9999ZY", "Noor Kringtest", 1984);
        twoWays.put("bsn", "999990019");
        register(twoWays)
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("ONE_TARGET");

        assertThat(involvements()).isZero();
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (p:Professional {id: $me}) WHERE p.memberMisses IS NOT NULL RETURN count(p)",
                        Map.of("me", OUTSIDER.professionalId())))
                .as("bad input is no guess")
                .isZero();
    }

    @Test
    void afterTooManyMissesInAnHourEvenTheRightMemberIsNotLookedUp() {
        // The hour as the registry keys it; one miss short of the limit, so the next miss reaches it.
        missesThisHour(properties.refusedByAddressPerHour() - 1);
        register(byAddress("9999ZY", "Nora Kringtest", 1984))
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("NO_MATCHING_MEMBER");

        register(byAddress("9999ZY", "Noor Kringtest", 1984))
                .path("registerInvolvement.errors[*].code")
                .entityList(String.class)
                .containsExactly("TOO_MANY_MISSES");

        assertThat(involvements()).isZero();
    }

    @Test
    void aRetryGetsItsFirstResultEvenOnceTheHourlyLimitIsReached() {
        Map<String, Object> input = byAddress("9999ZY", "Noor Kringtest", 1984);
        input.put("clientMutationId", "by-address-" + UUID.randomUUID());
        String first = register(input)
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
        missesThisHour(properties.refusedByAddressPerHour());

        var retried = register(input);

        retried.path("registerInvolvement.errors").entityList(Object.class).hasSize(0);
        retried.path("registerInvolvement.created").entity(Boolean.class).isEqualTo(false);
        retried.path("registerInvolvement.involvement.id").entity(String.class).isEqualTo(first);
        assertThat(involvements()).isEqualTo(1);
    }
}
