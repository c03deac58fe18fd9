package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** The API's questions, per user who may ask them. */
    private static Map<String, NabijUser> questions() {
        NabijUser lead = TestUsers.teamLead();
        Map<String, NabijUser> questions = new LinkedHashMap<>();
        questions.put(
                "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { id members { displayName }"
                        + " involvements(activeOnly: false) { professional { name } organisation { name } team { name } }"
                        + " coordinator { name } overlap { professionalCount uncoordinatedPairCount } consents { id }"
                        + " plan { title } regieFlags { rule } } }",
                lead);
        questions.put(
                "{ household(id: \"" + CASE.id() + "\") { id involvements(asOf: \"2025-01-01\") { id } } }", lead);
        questions.put("{ householdOfResident(bsn: \"" + CASE.members().get(0).bsn() + "\") { id } }", lead);
        questions.put(
                "{ households(neighbourhoodCode: \"" + CASE.neighbourhoodCode()
                        + "\", first: 20) { edges { node { id } } } }",
                lead);
        questions.put(
                "{ overlaps(scope: {neighbourhoodCode: \"" + CASE.neighbourhoodCode() + "\"}) { edges { node {"
                        + " household { id } unlinkedPairs { first { name } } suggestedCoordinator { ruleCode since } } } } }",
                lead);
        questions.put(
                "{ organisations(first: 5) { edges { node { name professionals { name } teams { name } } } } }", lead);
        questions.put("{ teams { edges { node { name members { name } } } } }", lead);
        questions.put(
                "{ professional(id: \"" + SEED.professionals().get(0).id() + "\") { name organisation { name } } }",
                lead);
        questions.put("{ vindplaatsen(first: 5) { edges { node { name teamsInContact { name } } } } }", lead);
        questions.put(
                "{ municipality { districts { neighbourhoods { name statistics { households } } } } }",
                TestUsers.demo(Role.ANALYST));
        questions.put("{ neighbourhoodNetwork(code: \"WK990101\") { density } }", TestUsers.demo(Role.ANALYST));
        questions.put(
                "{ missingLinks(code: \"WK990101\") { predictedLinks { score } } }", TestUsers.demo(Role.ANALYST));
        questions.put("{ clientism(code: \"WK990101\") { smallCellsSuppressed } }", TestUsers.demo(Role.ANALYST));
        questions.put(
                "{ applicationWaiting(code: \"WK990101\") { smallCellsSuppressed } }", TestUsers.demo(Role.ANALYST));
        questions.put("{ myNotifications(first: 5) { edges { node { id } } } }", TestUsers.demo(Role.PROFESSIONAL));
        questions.put(
                "{ myData { resident { displayName } accessLog { who } consents { id } } }",
                TestUsers.demo(Role.RESIDENT));
        questions.put("{ auditEvents(first: 5) { edges { node { sequence } } } }", TestUsers.demo(Role.AUDITOR));
        questions.put(
                "{ auditEvents(subject: \"x\", first: 5) { edges { node { sequence } } } }",
                TestUsers.demo(Role.AUDITOR));
        questions.put(
                "{ accounts(first: 5) { edges { node { username organisation { name } grants { status } } } } }",
                TestUsers.demo(Role.ADMINISTRATOR));
        questions.put(
                "{ accountGrants(status: PENDING, first: 5) { edges { node { account role } } } }",
                TestUsers.demo(Role.AUDITOR));
        questions.put("{ volunteerReviewQueue { edges { node { id } } } }", lead);
        return questions;
    }

    @Test
    void noStatementOfTheApiScansALargeLabelOrBuildsACartesianProduct() {
        statements.reset();
        // Generous: every statement is planned cold here, on a machine that may be busy.
        questions().forEach((query, user) -> GraphQlClients.overHttp(port, user)
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .document(query)
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
