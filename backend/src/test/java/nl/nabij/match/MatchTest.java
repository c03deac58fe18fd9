package nl.nabij.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestHouseholds;
import nl.nabij.support.TestMail;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * A second organisation registering with a household makes a match; every professional in it is told live over the
 * subscription, waits in their inbox otherwise, and gets a mail without personal data. Twenty organisations
 * registering at once make one match and one notification per professional per event.
 */
@NabijIntegrationTest
class MatchTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final SeedData SEED = SeedData.fromClasspath();
    /** A synthetic number that passes the elfproef; the demo data does not use it. */
    private static final String BSN = "111222333";

    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000a001";
    private static final String RESIDENT = "5f0c8d3e-0000-4000-8000-00000000a011";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    /** One professional per organisation, each as a user, in seed order. */
    private final List<NabijUser> oneFromEachOrganisation = oneFromEachOrganisation();

    private static List<NabijUser> oneFromEachOrganisation() {
        Map<String, SeedData.Professional> first = new LinkedHashMap<>();
        SEED.professionals().forEach(p -> first.putIfAbsent(p.organisationId(), p));
        return first.values().stream()
                .map(p -> new NabijUser("p-" + p.id(), Role.PROFESSIONAL, p.id(), null, p.organisationId()))
                .toList();
    }

    /** Another professional of the same organisation as one of {@code users}. */
    private static NabijUser aColleagueOfOneOf(List<NabijUser> users) {
        return SEED.professionals().stream()
                .filter(p -> users.stream()
                        .anyMatch(user -> p.organisationId().equals(user.organisationId())
                                && !p.id().equals(user.professionalId())))
                .findFirst()
                .map(p -> new NabijUser("p-" + p.id(), Role.PROFESSIONAL, p.id(), null, p.organisationId()))
                .orElseThrow();
    }

    @BeforeEach
    void aHouseholdNobodyIsInvolvedWithYet() {
        driver.executableQuery(
                        """
                        CREATE (h:Household {id: $household, postcode: '9999ZZ', houseNumber: 2})
                        CREATE (:Resident {id: $resident, pseudonym: $pseudonym, displayName: 'Mila Testhuis',
                                birthYear: 1990})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        """)
                .withParameters(Map.of(
                        "household", HOUSEHOLD, "resident", RESIDENT, "pseudonym", pseudonymiser.pseudonymise(BSN)))
                .execute();
    }

    @AfterEach
    void removeTheHouseholdItsCircleAndTheAddresses() {
        TestHouseholds.removeWithItsCircle(driver, HOUSEHOLD);
        driver.executableQuery("MATCH (p:Professional) WHERE p.email ENDS WITH '@example.org' REMOVE p.email")
                .execute();
    }

    private Map<String, Object> input() {
        Map<String, Object> input = new HashMap<>();
        input.put("bsn", BSN);
        input.put("domain", "WMO");
        input.put("since", LocalDate.now().toString());
        return input;
    }

    private String register(NabijUser user) {
        return GraphQlClients.overHttp(port, user)
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .documentName("registerInvolvementId")
                .variable("input", input())
                .execute()
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher)
                .withParameters(Map.of("household", HOUSEHOLD))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }

    /** Subscribes, and returns once the connection carries the subscription, with the next notification to come. */
    private static Mono<Map<String, Object>> nextNotification(WebSocketGraphQlClient client) {
        var next = client.documentName("notificationsWithAddress")
                .executeSubscription()
                .next()
                .map(response -> response.field("notifications").<Map<String, Object>>getValue())
                .toFuture();
        // A query on the same connection is answered after the subscribe message before it was read.
        client.documentName("apiVersion").execute().block(Duration.ofSeconds(10));
        return Mono.fromFuture(next);
    }

    private WebSocketGraphQlClient subscriber(NabijUser user) {
        return WebSocketGraphQlClient.builder(
                        URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), new StandardWebSocketClient())
                // The testers' documents: a client looks in graphql-documents/ unless told otherwise.
                .documentSource(new ResourceDocumentSource(
                        List.of(new ClassPathResource("graphql-test/")), ResourceDocumentSource.FILE_EXTENSIONS))
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", TestUsers.bearer(user)));
                    }
                })
                .build();
    }

    @Test
    void aNotificationStoredByAnotherAppInstanceReachesASubscriberHereOnce() throws Exception {
        NabijUser professional = oneFromEachOrganisation.get(0);
        WebSocketGraphQlClient live = subscriber(professional);
        var heard = live.documentName("notifications")
                .executeSubscription()
                .map(response -> response.field("notifications").<Map<String, Object>>getValue())
                .take(Duration.ofSeconds(5))
                .collectList()
                .toFuture();
        live.documentName("apiVersion").execute().block(Duration.ofSeconds(10));
        String id = UUID.randomUUID().toString();

        // Written straight into the database, as another instance's registration would: this instance never saw it.
        driver.executableQuery(
                        """
                        MATCH (p:Professional {id: $professional})
                        CREATE (:Notification {id: $id, kind: 'MATCH_CREATED', createdAt: datetime(),
                                matchId: $id, householdId: $household, involvementId: $id, organisation: 'Elders',
                                professional: 'Iemand Anders', organisationCount: 2})-[:FOR]->(p)
                        """)
                .withParameters(Map.of("professional", professional.professionalId(), "id", id, "household", HOUSEHOLD))
                .execute();
        List<Map<String, Object>> notifications = heard.get(30, TimeUnit.SECONDS);
        live.stop().block();

        assertThat(notifications)
                .as("relayed within the five seconds listened, and only once")
                .extracting(notification -> notification.get("id"))
                .containsExactly(id);
    }

    @Test
    void aSecondOrganisationMakesAMatchThatReachesEveryoneLiveInTheInboxAndByMail() throws Exception {
        NabijUser first = oneFromEachOrganisation.get(0);
        NabijUser second = oneFromEachOrganisation.get(1);
        driver.executableQuery("MATCH (p:Professional {id: $id}) SET p.email = 'first@example.org'")
                .withParameters(Map.of("id", first.professionalId()))
                .execute();
        register(first);
        assertThat(count("MATCH (m:Match)-[:ABOUT]->(:Household {id: $household}) RETURN count(m)"))
                .as("one organisation is no match")
                .isZero();

        WebSocketGraphQlClient firstLive = subscriber(first);
        WebSocketGraphQlClient secondLive = subscriber(second);
        var firstHears = nextNotification(firstLive);
        var secondHears = nextNotification(secondLive);
        register(second);
        Map<String, Object> notification = firstHears.block(Duration.ofSeconds(5));
        Map<String, Object> secondsNotification =
                secondHears.timeout(Duration.ofSeconds(2), Mono.empty()).block();
        firstLive.stop().block();
        secondLive.stop().block();

        assertThat(secondsNotification)
                .as("the registrant is not told of their own registration")
                .isNull();
        assertThat(notification)
                .containsEntry("kind", "MATCH_CREATED")
                .containsEntry("householdId", HOUSEHOLD)
                .containsEntry("address", Map.of("postcode", "9999ZZ"))
                .containsEntry(
                        "organisation",
                        SEED.organisations().stream()
                                .filter(o -> o.id().equals(second.organisationId()))
                                .findFirst()
                                .orElseThrow()
                                .name());

        // What happens while the first is offline waits in their inbox.
        NabijUser third = oneFromEachOrganisation.get(2);
        register(third);
        GraphQlClients.overHttp(port, first)
                .documentName("unreadNotificationsByProfessional")
                .execute()
                .path("myNotifications.edges[0].node.kind")
                .entity(String.class)
                .isEqualTo("MATCH_GROWN");

        // A colleague of an organisation already in the circle is no news to anyone.
        NabijUser colleague = aColleagueOfOneOf(List.of(first, second, third));
        register(colleague);
        assertThat(count("MATCH (n:Notification {householdId: $household}) RETURN count(n)"))
                .as("the second told the first, the third told the first two, the colleague told nobody")
                .isEqualTo(3);

        for (NabijUser user : List.of(first, second)) {
            var inbox = GraphQlClients.overHttp(port, user)
                    .documentName("unreadNotificationsOfHouseholds")
                    .execute();
            inbox.path("myNotifications.edges[*].node.householdId")
                    .entityList(String.class)
                    .contains(HOUSEHOLD);
        }
        String id = GraphQlClients.overHttp(port, first)
                .documentName("firstUnreadNotification")
                .execute()
                .path("myNotifications.edges[0].node.id")
                .entity(String.class)
                .get();
        GraphQlClients.overHttp(port, first)
                .documentName("markNotificationRead")
                .variable("id", id)
                .execute()
                .path("markNotificationsRead.marked")
                .entity(Integer.class)
                .isEqualTo(1);
        GraphQlClients.overHttp(port, first)
                .documentName("unreadNotifications")
                .execute()
                .path("myNotifications.edges[*].node.id")
                .entityList(String.class)
                .doesNotContain(id);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("first@example.org");
        assertThat(mail.getContent().toString()).doesNotContain("Mila", "9999ZZ", HOUSEHOLD);
    }

    @Test
    void twentyOrganisationsRegisteringAtOnceMakeOneMatchAndOneNotificationPerProfessionalPerEvent() throws Exception {
        List<NabijUser> professionals =
                oneFromEachOrganisation.stream().limit(20).toList();
        ExecutorService pool = Executors.newFixedThreadPool(professionals.size());
        List<Callable<String>> calls = new ArrayList<>();
        professionals.forEach(user -> calls.add(() -> register(user)));
        for (Future<String> call : pool.invokeAll(calls)) {
            call.get();
        }
        pool.shutdown();
        int n = professionals.size();

        assertThat(count("MATCH (m:Match)-[:ABOUT]->(:Household {id: $household}) RETURN count(m)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (:Household {id: $household})<-[:MEMBER_OF]-()<-[:CONCERNS]-(i:Involvement) RETURN count(i)"))
                .isEqualTo(n);
        assertThat(count("MATCH (n:Notification {householdId: $household}) RETURN count(n)"))
                .as("each registration from the second on tells everyone involved before it: 1 + 2 + … + (n - 1)")
                .isEqualTo((long) n * (n - 1) / 2);
        assertThat(
                        count(
                                """
                        MATCH (n:Notification {householdId: $household})-[:FOR]->(p)
                        WITH n.involvementId AS event, p, count(*) AS copies WHERE copies > 1
                        RETURN count(*)
                        """))
                .as("nobody is told twice of one event")
                .isZero();
        assertThat(count("MATCH (n:Notification {householdId: $household, kind: 'MATCH_CREATED'}) "
                        + "RETURN count(DISTINCT n.involvementId)"))
                .isEqualTo(1);
    }
}
