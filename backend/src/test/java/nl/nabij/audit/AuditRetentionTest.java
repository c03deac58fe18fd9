package nl.nabij.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Audit events are kept at least five years: the retention rule removes only older ones, from the start of the
 * chain, and what is kept still checks out link by link.
 */
@NabijIntegrationTest
class AuditRetentionTest {

    private static final SeedData.Household CASE = SeedData.fromClasspath().caseHousehold();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditTrail trail;

    private void viewTheCase() {
        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("householdId")
                .variable("id", CASE.id())
                .execute()
                .path("household.id")
                .hasValue();
    }

    private long eventsWrittenBefore(Instant moment) {
        return driver.executableQuery("MATCH (e:AuditEvent) WHERE e.at < datetime($moment) RETURN count(e) AS n")
                .withParameters(Map.of("moment", moment.toString()))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    @Test
    void eventsOlderThanTheRetentionGoAndTheRestStillFormAnIntactChain() throws Exception {
        viewTheCase();
        Thread.sleep(5);
        Instant boundary = Instant.now();
        Thread.sleep(5);
        viewTheCase();
        long keptBefore = eventsWrittenBefore(Instant.now().plusSeconds(60)) - eventsWrittenBefore(boundary);

        assertThat(retention.removeEventsExpiredAt(
                        boundary.atOffset(ZoneOffset.UTC).plusYears(4).toInstant()))
                .as("four years on, every event is within retention")
                .isZero();
        long removed = retention.removeEventsExpiredAt(
                boundary.atOffset(ZoneOffset.UTC).plusYears(5).toInstant());

        assertThat(removed).isPositive();
        assertThat(eventsWrittenBefore(boundary)).isZero();
        assertThat(eventsWrittenBefore(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(keptBefore);
        var check = GraphQlClients.overHttp(port, TestUsers.demo(Role.AUDITOR))
                .documentName("auditChainCheck")
                .execute();
        check.path("auditChainCheck.intact").entity(Boolean.class).isEqualTo(true);
        check.path("auditChainCheck.retainedFrom").entity(Long.class).satisfies(first -> assertThat(first)
                .isGreaterThan(removed));
    }

    @Test
    void aResidentsPseudonymLeavesTheTrailWithTheLastEventAboutThem() throws Exception {
        String forgotten = "retention-only-old-" + UUID.randomUUID();
        String stillSeen = "retention-old-and-new-" + UUID.randomUUID();
        NabijUser lead = TestUsers.teamLead();
        trail.record(
                lead,
                "127.0.0.1",
                List.of(new AuditEntry("READ", true, "household-view", "test", List.of(forgotten, stillSeen))));
        Thread.sleep(5);
        Instant boundary = Instant.now();
        Thread.sleep(5);
        trail.record(
                lead, "127.0.0.1", List.of(new AuditEntry("READ", true, "household-view", "test", List.of(stillSeen))));

        retention.removeEventsExpiredAt(
                boundary.atOffset(ZoneOffset.UTC).plusYears(5).toInstant());

        assertThat(subjects(forgotten)).as("no event is about them any more").isZero();
        assertThat(subjects(stillSeen)).as("a kept event is about them").isEqualTo(1);
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (:AuditSubject {pseudonym: $p})<-[:ABOUT]-(e:AuditEvent) RETURN count(e)",
                        Map.of("p", stillSeen)))
                .isEqualTo(1);
    }

    private long subjects(String pseudonym) {
        return TestGraph.count(
                driver, "MATCH (s:AuditSubject {pseudonym: $p}) RETURN count(s)", Map.of("p", pseudonym));
    }

    @Test
    void aRetentionShorterThanFiveYearsStopsTheApplication() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AuditProperties(Period.ofYears(5).minusMonths(1), "0 30 3 * * *"))
                .withMessageContaining("at least P5Y");
        assertThat(new AuditProperties(Period.ofYears(7), "0 30 3 * * *").retention())
                .isEqualTo(Period.ofYears(7));
    }
}
