package nl.nabij.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Every access to a household leaves an event in a hash chain that shows any later change to it. */
@NabijIntegrationTest
class AuditTrailTest {

    private static final SeedData.Household CASE = SeedData.fromClasspath().caseHousehold();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    GraphQlSource graphQl;

    private HttpGraphQlTester auditor() {
        return GraphQlClients.overHttp(port, TestUsers.demo(Role.AUDITOR));
    }

    private String caseSubject() {
        return pseudonymiser.pseudonymise(CASE.members().get(0).bsn());
    }

    /**
     * The auditor's view of the events about the case's first member, the last one first. Other suites read the case
     * too, so its events run to more than one page: the auditor pages through all of them, and leaves out the events
     * of that paging itself (each page read is an access to the case, recorded before the next page is read).
     */
    private List<Map<String, Object>> eventsAboutTheCase() {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = auditor()
                    .documentName("auditEventsOfSubject")
                    .variable("subject", caseSubject())
                    .variable("after", after)
                    .execute();
            events.addAll(page.path("auditEvents.edges[*].node")
                    .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .get());
            more = page.path("auditEvents.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("auditEvents.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        return events.stream()
                .filter(event -> !"audit-trail".equals(event.get("purpose")))
                .toList()
                .reversed();
    }

    @Test
    void aGrantedHouseholdViewIsRecordedWithTheNen7513Fields() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute()
                .path("household.id")
                .hasValue();

        Map<String, Object> event = eventsAboutTheCase().get(0);

        assertThat(event)
                .containsEntry("action", "READ")
                .containsEntry("outcome", "GRANTED")
                .containsEntry("username", "teamlead")
                .containsEntry("role", "TEAM_LEAD")
                .containsEntry("actorReference", TestUsers.teamLead().professionalId())
                .containsEntry("organisation", TestUsers.teamLead().organisationId())
                .containsEntry("purpose", "household-view")
                .containsEntry("basis", "team-area")
                .containsEntry("origin", "127.0.0.1");
        assertThat(event.get("subjects").toString()).contains(caseSubject());
        assertThat((List<?>) event.get("subjects")).hasSize(CASE.members().size());
        assertThat((String) event.get("at")).endsWith("Z");
        assertThat(event.values()).doesNotContain(CASE.members().get(0).bsn());
    }

    @Test
    void aRefusedViewIsRecordedAsDenied() {
        GraphQlClients.overHttp(port, TestUsers.outsider())
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute()
                .path("household")
                .valueIsNull();

        assertThat(eventsAboutTheCase().get(0))
                .containsEntry("outcome", "DENIED")
                .containsEntry("username", "outsider")
                .containsEntry("basis", "outside-need-to-know");
    }

    @Test
    void aRoleThatMayNotAskIsRecordedAsDeniedWithoutASubject() {
        GraphQlClients.overHttp(port, TestUsers.demo(Role.VOLUNTEER))
                .documentName("householdsOfNeighbourhood")
                .variable("code", CASE.neighbourhoodCode())
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());

        Map<String, Object> denied = driver.executableQuery(
                        """
                        MATCH (e:AuditEvent {username: 'volunteer', purpose: 'households'})
                        RETURN e {.*} AS e ORDER BY e.at DESC LIMIT 1
                        """)
                .execute()
                .records()
                .get(0)
                .get("e")
                .asMap();
        assertThat(denied)
                .containsEntry("action", "READ")
                .containsEntry("outcome", "DENIED")
                .containsEntry("username", "volunteer")
                .containsEntry("organisation", TestUsers.demo(Role.VOLUNTEER).organisationId())
                .containsEntry("basis", "role-not-allowed")
                .containsEntry("subjects", List.of());
    }

    @Test
    void readingTheTrailIsRecordedToo() {
        eventsAboutTheCase();

        Map<String, Object> last = driver.executableQuery(
                        "MATCH (e:AuditEvent) RETURN e {.*} AS e ORDER BY e.at DESC LIMIT 1")
                .execute()
                .records()
                .get(0)
                .get("e")
                .asMap();
        assertThat(last).containsEntry("username", "auditor").containsEntry("purpose", "audit-trail");
    }

    @Test
    void theChainCheckFindsTheFirstChangedEventAndNothingWhenIntact() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute();
        long victim = ((Number) eventsAboutTheCase().get(0).get("sequence")).longValue();
        auditor()
                .documentName("auditChainCheckInFull")
                .execute()
                .path("auditChainCheck.intact")
                .entity(Boolean.class)
                .isEqualTo(true);

        driver.executableQuery("MATCH (e:AuditEvent {sequence: $sequence}) SET e.username = 'someone-else'")
                .withParameters(Map.of("sequence", victim))
                .execute();
        try {
            auditor()
                    .documentName("auditChainCheckInFull")
                    .execute()
                    .path("auditChainCheck.intact")
                    .entity(Boolean.class)
                    .isEqualTo(false)
                    .path("auditChainCheck.firstBrokenSequence")
                    .entity(Long.class)
                    .isEqualTo(victim)
                    .path("auditChainCheck.reason")
                    .entity(String.class)
                    .isEqualTo("its content no longer matches its hash");
        } finally {
            driver.executableQuery("MATCH (e:AuditEvent {sequence: $sequence}) SET e.username = 'teamlead'")
                    .withParameters(Map.of("sequence", victim))
                    .execute();
        }
        auditor()
                .documentName("auditChainCheckInFull")
                .execute()
                .path("auditChainCheck.intact")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void noOperationCanChangeOrDeleteEventsAndOnlyAuditorsReadThem() {
        assertThat(graphQl.schema().getMutationType().getFieldDefinitions())
                .noneSatisfy(field -> assertThat(field.getName()).containsIgnoringCase("audit"));
        assertThat(graphQl.schema().getQueryType().getFieldDefinitions())
                .filteredOn(field -> field.getName().startsWith("audit"))
                .allSatisfy(field -> assertThat(field.getName()).isIn("auditEvents", "auditChainCheck"));
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("auditChainIntact")
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void concurrentViewsAreEachRecordedAndSealedIntoOneUnbrokenChain() throws Exception {
        long viewsBefore = householdViewsByTheTeamLead();
        int views = 24;
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < views; i++) {
                answers.add(clients.submit(() -> GraphQlClients.overHttp(port, TestUsers.teamLead())
                        .documentName("householdId")
                        .variable("id", CASE.id())
                        .execute()
                        .path("household.id")
                        .hasValue()));
            }
            for (Future<?> answer : answers) {
                answer.get(2, TimeUnit.MINUTES);
            }
        }

        assertThat(householdViewsByTheTeamLead() - viewsBefore)
                .as("every answered view has its event")
                .isEqualTo(views);
        auditor()
                .documentName("auditChainIntact")
                .execute()
                .path("auditChainCheck.intact")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(driver.executableQuery(
                                """
                                MATCH (e:AuditEvent {username: 'teamlead', purpose: 'household-view'})
                                WHERE e:Unsealed OR e.sequence IS NULL OR e.hash IS NULL
                                RETURN count(e) AS n
                                """)
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong())
                .as("the auditor's check sealed every event written before it")
                .isZero();
    }

    private long householdViewsByTheTeamLead() {
        return driver.executableQuery(
                        "MATCH (e:AuditEvent {username: 'teamlead', purpose: 'household-view'}) RETURN count(e) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}
