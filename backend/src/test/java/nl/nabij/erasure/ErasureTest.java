package nl.nabij.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.AccountService;
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
 * An administrator erases a resident: the resident is gone from every node and relationship, their household goes
 * with its last member, the audit trail keeps the pseudonym and stays intact, and bad input changes nothing.
 */
@NabijIntegrationTest
class ErasureTest {

    /** Synthetic numbers that pass the elfproef; the demo data does not use them. */
    private static final String FIRST_BSN = "111222333";

    private static final String SECOND_BSN = "123456782";
    private static final String FIRST_NAME = "Erasmus Wisman";
    private static final String SECOND_NAME = "Vera Wisman";
    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000e001";

    private static final String FIXTURE =
            """
            MATCH (p:Professional {id: $professional})-[:EMPLOYED_BY]->(o:Organisation)
            CREATE (h:Household {id: $household, postcode: '9999ZZ', houseNumber: 1})
            CREATE (first:Resident {id: $first, pseudonym: $firstPseudonym, displayName: $firstName, birthYear: 1980})
                   -[:MEMBER_OF {role: 'ADULT'}]->(h)
            CREATE (second:Resident {id: $second, pseudonym: $secondPseudonym, displayName: $secondName,
                   birthYear: 2010})-[:MEMBER_OF {role: 'CHILD'}]->(h)
            CREATE (p)-[:REGISTERED]->(:Involvement {id: randomUUID(), domain: 'WMO', status: 'ACTIVE',
                   since: date('2026-01-05')})-[:CONCERNS]->(first)
            CREATE (p)-[:REGISTERED]->(:Involvement {id: randomUUID(), domain: 'YOUTH', status: 'ACTIVE',
                   since: date('2026-02-01')})-[:CONCERNS]->(second)
            CREATE (p)-[:REGISTERED]->(:Involvement {id: randomUUID(), domain: 'DEBT', status: 'ACTIVE',
                   since: date('2026-03-01')})-[:CONCERNS]->(h)
            CREATE (:Application {id: $firstApplication, law: 'WMO', submittedOn: date('2026-01-12')})-[:FOR]->(first)
            CREATE (:Application {id: $householdApplication, law: 'PARTICIPATION', submittedOn: date('2026-02-02')})
                   -[:FOR]->(h)
            CREATE (c:Consent {id: randomUUID(), purpose: 'Overleg', until: date('2027-06-01'), grantedAt: datetime()})
                   -[:GIVEN_BY]->(first)
            CREATE (c)-[:TO]->(o)
            """;

    private static final String REMOVE_FIXTURE =
            """
            MATCH (n) WHERE n.id IN [$household, $first, $second]
            OPTIONAL MATCH (n)<-[:CONCERNS|GIVEN_BY|IS|FOR]-(attached)
            DETACH DELETE attached, n
            """;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    AccountService accounts;

    private final String professional =
            SeedData.fromClasspath().professionals().get(0).id();
    private final String firstId = "5f0c8d3e-0000-4000-8000-00000000e011";
    private final String secondId = "5f0c8d3e-0000-4000-8000-00000000e012";
    private final String firstApplication = "5f0c8d3e-0000-4000-8000-00000000e021";
    private final String householdApplication = "5f0c8d3e-0000-4000-8000-00000000e022";

    @BeforeEach
    void aHouseholdOfTwoWithInvolvementsAConsentAndAnAccount() {
        driver.executableQuery(FIXTURE)
                .withParameters(Map.of(
                        "professional", professional,
                        "household", HOUSEHOLD,
                        "first", firstId,
                        "firstPseudonym", pseudonymiser.pseudonymise(FIRST_BSN),
                        "firstName", FIRST_NAME,
                        "second", secondId,
                        "secondPseudonym", pseudonymiser.pseudonymise(SECOND_BSN),
                        "secondName", SECOND_NAME,
                        "firstApplication", firstApplication,
                        "householdApplication", householdApplication))
                .execute();
        accounts.save(new NabijUser("erasure-resident", Role.RESIDENT, null, firstId, null), "a long demo password");
    }

    @AfterEach
    void removeWhatIsLeftOfTheHousehold() {
        driver.executableQuery(REMOVE_FIXTURE)
                .withParameters(Map.of("household", HOUSEHOLD, "first", firstId, "second", secondId))
                .execute();
    }

    private GraphQlTester.Response erase(NabijUser user, String bsn, String reference) {
        return GraphQlClients.overHttp(port, user)
                .documentName("eraseResident")
                .variable("bsn", bsn)
                .variable("reference", reference)
                .execute();
    }

    private List<String> applications() {
        return driver
                .executableQuery("MATCH (a:Application) WHERE a.id IN $ids RETURN a.id AS id")
                .withParameters(Map.of("ids", List.of(firstApplication, householdApplication)))
                .execute()
                .records()
                .stream()
                .map(record -> record.get("id").asString())
                .toList();
    }

    @Test
    void theResidentIsGoneEverywhereAndTheAuditTrailKeepsOnlyThePseudonym() {
        String pseudonym = pseudonymiser.pseudonymise(FIRST_BSN);
        NabijUser admin = TestUsers.demo(Role.ADMINISTRATOR);

        var first = erase(admin, FIRST_BSN, "AVG-2026-0042");

        first.path("eraseResident.errors").entityList(Object.class).hasSize(0);
        first.path("eraseResident.erasure").entity(Erasure.class).isEqualTo(new Erasure(1, 1, 1, false));
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (n) WHERE NOT n:AuditSubject AND (n.id = $id OR n.pseudonym = $pseudonym"
                                + " OR n.displayName = $name OR n.username = 'erasure-resident') RETURN count(n)",
                        Map.of("id", firstId, "pseudonym", pseudonym, "name", FIRST_NAME)))
                .as("no node left of the resident, their account included, but the audit trail's subject")
                .isZero();
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (:Household {id: $household})<-[:MEMBER_OF]-(r:Resident) RETURN count(r)",
                        Map.of("household", HOUSEHOLD)))
                .as("the other member and the household stay")
                .isEqualTo(1);
        assertThat(applications())
                .as("the household's application stays, the resident's is gone")
                .containsExactly(householdApplication);
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (e:AuditEvent) WHERE $pseudonym IN e.subjects AND e.purpose = 'erasure' "
                                + "AND e.basis = 'avg-article-17 request AVG-2026-0042' RETURN count(e)",
                        Map.of("pseudonym", pseudonym)))
                .isEqualTo(1);
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (e:AuditEvent) WHERE any(value IN [e.username, e.actorReference, e.purpose, e.basis] "
                                + "WHERE value CONTAINS $name OR value CONTAINS $bsn) RETURN count(e)",
                        Map.of("name", FIRST_NAME, "bsn", FIRST_BSN)))
                .as("the trail names the resident only by pseudonym")
                .isZero();

        var second = erase(admin, SECOND_BSN, "AVG-2026-0043");

        second.path("eraseResident.erasure").entity(Erasure.class).isEqualTo(new Erasure(2, 0, 0, true));
        assertThat(TestGraph.count(
                        driver, "MATCH (h:Household {id: $household}) RETURN count(h)", Map.of("household", HOUSEHOLD)))
                .as("the household went with its last member")
                .isZero();
        assertThat(applications()).as("and its application with it").isEmpty();
        GraphQlClients.overHttp(port, TestUsers.demo(Role.AUDITOR))
                .documentName("auditChainIntact")
                .execute()
                .path("auditChainCheck.intact")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void badInputOrAnUnknownResidentIsATypedErrorAndChangesNothing() {
        NabijUser admin = TestUsers.demo(Role.ADMINISTRATOR);
        long before = TestGraph.count(
                driver,
                "MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditChain AND NOT n:AuditSubject RETURN count(n)",
                Map.of());

        erase(admin, "123456789", "X")
                .path("eraseResident.errors[*].code")
                .entityList(String.class)
                .containsExactly("INVALID_BSN", "MALFORMED_REFERENCE");
        erase(admin, "999999990", "AVG-2026-0044")
                .path("eraseResident.errors[*].code")
                .entityList(String.class)
                .containsExactly("UNKNOWN_RESIDENT");

        assertThat(TestGraph.count(
                        driver,
                        "MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditChain AND NOT n:AuditSubject RETURN count(n)",
                        Map.of()))
                .isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorErasesAndARefusalIsAudited() {
        for (NabijUser user : List.of(TestUsers.demo(Role.PROFESSIONAL), TestUsers.demo(Role.RESIDENT))) {
            erase(user, FIRST_BSN, "AVG-2026-0045").errors().satisfy(errors -> assertThat(errors)
                    .singleElement()
                    .satisfies(
                            error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
            assertThat(TestGraph.count(
                            driver,
                            "MATCH (e:AuditEvent {purpose: 'eraseResident', outcome: 'DENIED', action: 'CHANGE'}) "
                                    + "WHERE e.role = $role RETURN count(e)",
                            Map.of("role", user.role().name())))
                    .isPositive();
        }
        assertThat(TestGraph.count(driver, "MATCH (r:Resident {id: $id}) RETURN count(r)", Map.of("id", firstId)))
                .isEqualTo(1);
    }
}
