package nl.nabij.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A resident grants and withdraws consent; those involved see it; bad input is a typed error and changes nothing. */
@NabijIntegrationTest
class ConsentTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    /** The consents the tests grant: the resident's own page and later suites expect the demo data's as they were. */
    @AfterEach
    void removeTheGrantedConsent() {
        driver.executableQuery("MATCH (c:Consent {purpose: 'Overleg over schulden'}) DETACH DELETE c")
                .execute();
    }

    private HttpGraphQlTester resident() {
        return GraphQlClients.overHttp(port, TestUsers.demo(Role.RESIDENT));
    }

    private Map<String, Object> input(String professionalId, String organisationId, String purpose, LocalDate until) {
        var input = new HashMap<String, Object>();
        input.put("professionalId", professionalId);
        input.put("organisationId", organisationId);
        input.put("purpose", purpose);
        input.put("until", until.toString());
        return input;
    }

    private long consents() {
        return driver.executableQuery("MATCH (c:Consent) RETURN count(c) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    @Test
    void aResidentGrantsConsentThoseInvolvedSeeItAndTheResidentWithdrawsIt() {
        String professional = TestUsers.demo(Role.PROFESSIONAL).professionalId();
        var granted = resident()
                .documentName("grantConsent")
                .variable(
                        "input",
                        input(
                                professional,
                                null,
                                "Overleg over schulden",
                                LocalDate.now().plusMonths(6)))
                .execute();
        granted.path("grantConsent.errors").entityList(Object.class).hasSize(0);
        String id = granted.path("grantConsent.consent.id").entity(String.class).get();
        granted.path("grantConsent.consent.status").entity(String.class).isEqualTo("ACTIVE");
        granted.path("grantConsent.consent.professional.id")
                .entity(String.class)
                .isEqualTo(professional);

        GraphQlClients.overHttp(port, TestUsers.demo(Role.PROFESSIONAL))
                .documentName("householdConsents")
                .variable("id", CASE.id())
                .execute()
                .path("household.consents[*].id")
                .entityList(String.class)
                .contains(id);

        resident()
                .documentName("withdrawConsent")
                .variable("id", id)
                .execute()
                .path("withdrawConsent.consent.status")
                .entity(String.class)
                .isEqualTo("WITHDRAWN");
        resident()
                .documentName("withdrawConsent")
                .variable("id", id)
                .execute()
                .path("withdrawConsent.errors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_WITHDRAWN");
        resident()
                .documentName("myConsents")
                .execute()
                .path("myData.consents[*].status")
                .entityList(String.class)
                .contains("WITHDRAWN");
    }

    @Test
    void badInputIsATypedErrorNamingTheFieldAndChangesNothing() {
        String organisation = SEED.organisations().get(0).id();
        String professional = SEED.professionals().get(0).id();
        long before = consents();
        record Bad(Map<String, Object> input, String field, String code) {}
        List<Bad> cases = List.of(
                new Bad(
                        input(
                                professional,
                                organisation,
                                "Overleg",
                                LocalDate.now().plusDays(30)),
                        "professionalId",
                        "ONE_RECIPIENT"),
                new Bad(input(null, null, "Overleg", LocalDate.now().plusDays(30)), "professionalId", "ONE_RECIPIENT"),
                new Bad(input("nope", null, "Overleg", LocalDate.now().plusDays(30)), "professionalId", "MALFORMED_ID"),
                new Bad(
                        input(
                                "00000000-0000-4000-8000-000000000000",
                                null,
                                "Overleg",
                                LocalDate.now().plusDays(30)),
                        "professionalId",
                        "UNKNOWN_PROFESSIONAL"),
                new Bad(input(null, organisation, "ab", LocalDate.now().plusDays(30)), "purpose", "PURPOSE_LENGTH"),
                new Bad(
                        input(
                                null,
                                organisation,
                                "<b>overleg</b>",
                                LocalDate.now().plusDays(30)),
                        "purpose",
                        "PURPOSE_CHARACTERS"),
                new Bad(input(null, organisation, "Overleg", LocalDate.now()), "until", "UNTIL_NOT_IN_FUTURE"),
                new Bad(input(null, organisation, "Overleg", LocalDate.now().plusYears(6)), "until", "UNTIL_TOO_FAR"));
        for (Bad bad : cases) {
            var answer = resident()
                    .documentName("grantConsent")
                    .variable("input", bad.input())
                    .execute();
            answer.path("grantConsent.consent").valueIsNull();
            answer.path("grantConsent.errors[0].field").entity(String.class).isEqualTo(bad.field());
            answer.path("grantConsent.errors[0].code").entity(String.class).isEqualTo(bad.code());
        }
        resident()
                .documentName("withdrawConsent")
                .variable("id", "00000000-0000-4000-8000-000000000000")
                .execute()
                .path("withdrawConsent.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_CONSENT");
        assertThat(consents()).isEqualTo(before);
    }

    /**
     * A client whose answer was lost sends the same grant again with the same key, even several times at once: there
     * is one consent, and every answer names it.
     */
    @Test
    void aRetryWithTheSameClientMutationIdReturnsTheFirstConsentAndGivesNoSecond() throws Exception {
        String professional = TestUsers.demo(Role.PROFESSIONAL).professionalId();
        Map<String, Object> input = input(
                professional, null, "Overleg over schulden", LocalDate.now().plusMonths(6));
        input.put("clientMutationId", "grant-" + UUID.randomUUID());
        long before = consents();

        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(clients.submit(() -> resident()
                    .documentName("grantConsent")
                    .variable("input", input)
                    .execute()
                    .path("grantConsent.consent.id")
                    .entity(String.class)
                    .get()));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> answer : answers) {
            ids.add(answer.get());
        }
        clients.shutdown();
        String again = resident()
                .documentName("grantConsent")
                .variable("input", input)
                .execute()
                .path("grantConsent.consent.id")
                .entity(String.class)
                .get();

        assertThat(ids).hasSize(1).containsExactly(again);
        assertThat(consents()).isEqualTo(before + 1);
    }

    @Test
    void onlyResidentsGrantConsent() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("grantConsent")
                .variable(
                        "input",
                        input(
                                null,
                                SEED.organisations().get(0).id(),
                                "Overleg",
                                LocalDate.now().plusDays(30)))
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }
}
