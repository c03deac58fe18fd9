package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.StatementCounter;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every statement the API sends for its questions is planned without a scan of a large label and without a cartesian
 * product: the API's queries are run as their users would, the statements recorded, and each one EXPLAINed.
 */
@NabijIntegrationTest
class QueryPlanTest {

    /** Labels that grow with the municipality: a scan over one of them is a slow query waiting to happen. */
    private static final Set<String> LARGE_LABELS = Set.of(
            "Household",
            "Resident",
            "Involvement",
            "AuditEvent",
            "Notification",
            "Consent",
            "VolunteerRegistration",
            "Match",
            "Goal",
            "Application");

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final SeedData.Household CASE = SEED.caseHousehold();

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    @Autowired
    Driver driver;

    /** A question of the API: a document of {@code graphql-test/}, its variables, and a user who may ask it. */
    private record Question(String document, Map<String, Object> variables, NabijUser user) {}

    /** The API's questions, each asked as a user who may ask it. */
    private static List<Question> questions() {
        NabijUser lead = TestUsers.teamLead();
        NabijUser analyst = TestUsers.demo(Role.ANALYST);
        NabijUser auditor = TestUsers.demo(Role.AUDITOR);
        String haven = "WK990101";
        return List.of(
                new Question("householdsAtAddressInFull", Map.of(), lead),
                new Question("householdInvolvementsAsOf", Map.of("id", CASE.id(), "day", "2025-01-01"), lead),
                new Question(
                        "householdOfResident",
                        Map.of("bsn", CASE.members().get(0).bsn()),
                        lead),
                new Question("householdsOfNeighbourhood", Map.of("code", CASE.neighbourhoodCode()), lead),
                new Question("overlapsWithPairs", Map.of("code", CASE.neighbourhoodCode()), lead),
                new Question("organisationsWithStaffAndTeams", Map.of(), lead),
                new Question("teams", Map.of(), lead),
                new Question(
                        "professional", Map.of("id", SEED.professionals().get(0).id()), lead),
                new Question("vindplaatsenInContact", Map.of(), lead),
                new Question("municipalityStatistics", Map.of(), analyst),
                new Question("neighbourhoodNetworkNodes", Map.of("code", haven), analyst),
                new Question("missingLinksScores", Map.of("code", haven), analyst),
                new Question("clientism", Map.of("code", haven), analyst),
                new Question("applicationWaiting", Map.of("code", haven), analyst),
                new Question("myNotifications", Map.of(), TestUsers.demo(Role.PROFESSIONAL)),
                new Question("myDataWithConsents", Map.of(), TestUsers.demo(Role.RESIDENT)),
                new Question("auditEventsFirstFive", Map.of(), auditor),
                new Question("auditEventsFirstFive", Map.of("subject", "x"), auditor),
                new Question("accountsWithOrganisation", Map.of(), TestUsers.demo(Role.ADMINISTRATOR)),
                new Question("pendingAccountGrants", Map.of(), auditor),
                new Question("volunteerReviewQueue", Map.of(), lead));
    }

    @Test
    void noStatementOfTheApiScansALargeLabelOrBuildsACartesianProduct() {
        statements.reset();
        // Generous: every statement is planned cold here, on a machine that may be busy.
        questions().forEach(question -> GraphQlClients.overHttp(port, question.user())
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .documentName(question.document())
                .variables(question.variables())
                .execute()
                .errors()
                .verify());
        List<Query> sent = statements.queries().stream()
                .filter(query -> !query.text().equals("null"))
                .toList();
        assertThat(sent).hasSizeGreaterThan(questions().size());

        List<String> problems = new ArrayList<>();
        for (Query query : sent) {
            try (var session = driver.session()) {
                Plan plan = session.run(new Query("EXPLAIN " + query.text(), query.parameters()))
                        .consume()
                        .plan();
                collectProblems(plan, query.text(), problems);
            }
        }
        assertThat(problems)
                .as("statements with a large label scan or a cartesian product")
                .isEmpty();
    }

    private static void collectProblems(Plan plan, String text, List<String> problems) {
        String operator = plan.operatorType();
        String details = plan.arguments().containsKey("Details")
                ? plan.arguments().get("Details").asString()
                : "";
        if (operator.startsWith("CartesianProduct")) {
            problems.add("cartesian product in: " + text);
        }
        if (operator.startsWith("AllNodesScan")) {
            problems.add("all-nodes scan in: " + text);
        }
        if (operator.startsWith("NodeByLabelScan")
                && LARGE_LABELS.stream().anyMatch(label -> details.contains(":" + label))) {
            problems.add("label scan (" + details + ") in: " + text);
        }
        plan.children().forEach(child -> collectProblems(child, text, problems));
    }
}
