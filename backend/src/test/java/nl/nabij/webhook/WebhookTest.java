package nl.nabij.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.nabij.jobs.JobLock;
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
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A match told to a professional of an organisation with a webhook subscription reaches its case system as a signed NL
 * GOV CloudEvent: a receiver here checks the signature the way the Standard Webhooks verifiers do, and the event's
 * attributes. Failures are tried again after a back-off, measured on a clock the test moves; a refusal or the last
 * attempt makes a dead letter, which an administrator sees and replays.
 */
@NabijIntegrationTest
class WebhookTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    /** A synthetic number that passes the elfproef; neither the demo data nor other suites use it. */
    private static final String BSN = "222333455";

    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000b001";
    private static final String RESIDENT = "5f0c8d3e-0000-4000-8000-00000000b011";
    private static final String RESIDENT_NAME = "Noor Webhookhuis";
    private static final String POSTCODE = "9999WH";
    private static final String EMPLOYEE_REFERENCE = "T-WH-7";
    private static final NabijUser ADMINISTRATOR = TestUsers.demo(Role.ADMINISTRATOR);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The professional whose organisation subscribes, and one of another organisation who joins the household. */
    private static final SeedData.Professional SUBSCRIBED = SEED.professionals().getFirst();

    private static final SeedData.Professional JOINING = SEED.professionals().stream()
            .filter(p -> !p.organisationId().equals(SUBSCRIBED.organisationId()))
            .findFirst()
            .orElseThrow();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    WebhookQueries queries;

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    JobLock lock;

    @Autowired
    TransactionOperations transactions;

    private final MovableClock clock = new MovableClock(Instant.now());
    private final Receiver receiver = new Receiver();
    private WebhookSender sender;

    @BeforeEach
    void aHouseholdAReceiverAndASender() throws IOException {
        driver.executableQuery(
                        """
                        CREATE (h:Household {id: $household, postcode: $postcode, houseNumber: 7})
                        CREATE (:Resident {id: $resident, pseudonym: $pseudonym, displayName: $name,
                                birthYear: 1988})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        WITH h
                        MATCH (:Professional {id: $professional})-[e:EMPLOYED_BY]->(:Organisation {id: $organisation})
                        SET e.employeeReference = $reference
                        """)
                .withParameters(Map.of(
                        "household", HOUSEHOLD,
                        "postcode", POSTCODE,
                        "resident", RESIDENT,
                        "pseudonym", pseudonymiser.pseudonymise(BSN),
                        "name", RESIDENT_NAME,
                        "professional", SUBSCRIBED.id(),
                        "organisation", SUBSCRIBED.organisationId(),
                        "reference", EMPLOYEE_REFERENCE))
                .execute();
        receiver.start();
        // Three attempts, the first retry after ten minutes: the test moves its clock past each wait.
        WebhookProperties properties = new WebhookProperties(
                URI.create("urn:nld:oin:00000001234567890000:systeem:nabij"),
                Duration.ofSeconds(5),
                50,
                Duration.ofSeconds(5),
                3,
                Duration.ofMinutes(10),
                Duration.ofHours(12),
                Duration.ofDays(7));
        sender = new WebhookSender(queries, secrets, lock, transactions, properties, clock);
    }

    @AfterEach
    void removeWhatTheTestMade() {
        receiver.stop();
        TestHouseholds.removeWithItsCircle(driver, HOUSEHOLD);
        driver.executableQuery(
                        """
                        OPTIONAL MATCH (d:WebhookDelivery {organisationId: $organisation})
                        OPTIONAL MATCH (s:WebhookSubscription {organisationId: $organisation})
                        DETACH DELETE d, s
                        WITH count(*) AS deleted
                        MATCH ()-[e:EMPLOYED_BY {employeeReference: $reference}]->()
                        REMOVE e.employeeReference
                        """)
                .withParameters(Map.of("organisation", SUBSCRIBED.organisationId(), "reference", EMPLOYEE_REFERENCE))
                .execute();
    }

    @Test
    void aMatchReachesTheCaseSystemAsASignedCloudEventWithoutPersonalData() throws Exception {
        String secret = subscribe();

        String joinedInvolvement = matchTheHousehold();
        sendUntil(1);

        Request request = receiver.requests.getFirst();
        assertThat(request.contentType()).startsWith("application/cloudevents+json");
        assertThat(request.signature())
                .isEqualTo(expectedSignature(secret, request.id(), request.timestamp(), request.body()));
        assertThat(Long.parseLong(request.timestamp()))
                .isCloseTo(clock.instant().getEpochSecond(), within(300L));
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(request.id());
        assertThat(event.get("type").asString()).isEqualTo("nl.nabij.involvement.match");
        assertThat(event.get("source").asString()).startsWith("urn:");
        assertThat(event.get("subject").asString()).isEqualTo(HOUSEHOLD);
        assertThat(OffsetDateTime.parse(event.get("time").asString())).isNotNull();
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        JsonNode data = event.get("data");
        assertThat(data.get("kind").asString()).isEqualTo("MATCH_CREATED");
        assertThat(data.get("householdId").asString()).isEqualTo(HOUSEHOLD);
        assertThat(data.get("organisationId").asString()).isEqualTo(SUBSCRIBED.organisationId());
        assertThat(data.get("employeeReference").asString()).isEqualTo(EMPLOYEE_REFERENCE);
        assertThat(data.get("joinedOrganisationId").asString()).isEqualTo(JOINING.organisationId());
        assertThat(data.get("joinedInvolvementId").asString()).isEqualTo(joinedInvolvement);
        assertThat(data.get("involvementIds")).hasSize(1);
        assertThat(request.body())
                .doesNotContain(RESIDENT_NAME, BSN, POSTCODE, SUBSCRIBED.name(), JOINING.name())
                .doesNotContain(organisationName(SUBSCRIBED.organisationId()))
                .doesNotContain(organisationName(JOINING.organisationId()));
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 1L);

        // Kept a week, to look into what the case system was sent; then forgotten.
        clock.advance(Duration.ofDays(6));
        sendOnce();
        assertThat(deliveries()).isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        sendOnce();
        assertThat(deliveries()).isZero();
    }

    @Test
    void twoUnavailableAnswersAreTriedAgainAfterTheBackOffAndThenDelivered() throws Exception {
        subscribe();
        receiver.answer(503, Map.of());
        receiver.answer(503, Map.of());

        matchTheHousehold();
        sendUntil(1);
        // The first retry waits at least half of its ten minutes, whoever sent the first attempt.
        clock.advance(Duration.ofMinutes(4));
        sendOnce();
        assertThat(receiver.requests).hasSize(1);
        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("lastStatus", 503L);

        clock.advance(Duration.ofMinutes(7));
        sendUntil(2);
        clock.advance(Duration.ofMinutes(21));
        sendUntil(3);

        assertThat(receiver.requests).hasSize(3);
        assertThat(receiver.requests.stream().map(Request::id).distinct()).hasSize(1);
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 3L);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        subscribe();
        receiver.answer(429, Map.of("Retry-After", "3600"));

        matchTheHousehold();
        sendUntil(1);
        clock.advance(Duration.ofMinutes(50));
        sendOnce();
        assertThat(receiver.requests).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        sendUntil(2);
        assertThat(delivery()).containsEntry("status", "DELIVERED");
    }

    @Test
    void theLastFailedAttemptMakesADeadLetterThatAReplayDelivers() throws Exception {
        subscribe();
        receiver.answer(500, Map.of());
        receiver.answer(500, Map.of());
        receiver.answer(500, Map.of());

        matchTheHousehold();
        sendUntil(1);
        clock.advance(Duration.ofMinutes(11));
        sendUntil(2);
        clock.advance(Duration.ofMinutes(21));
        sendUntil(3);

        assertThat(delivery()).containsEntry("status", "DEAD").containsEntry("attempts", 3L);
        JsonNode letters = admin("{ webhookDeadLetters(organisationId: \"" + SUBSCRIBED.organisationId()
                        + "\", first: 10) { edges { node { id attempts lastStatus lastError type } } } }")
                .at("/data/webhookDeadLetters/edges");
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0).get("node");
        assertThat(letter.get("id").asString())
                .isEqualTo(receiver.requests.getFirst().id());
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(letter.get("type").asString()).isEqualTo("nl.nabij.involvement.match");

        JsonNode replay = admin("mutation { replayWebhookDeadLetters(input: {organisationId: \""
                        + SUBSCRIBED.organisationId() + "\"}) { replayed errors { code } } }")
                .at("/data/replayWebhookDeadLetters");
        assertThat(replay.get("replayed").asInt()).isEqualTo(1);
        sendUntil(4);

        assertThat(delivery()).containsEntry("status", "DELIVERED");
        assertThat(admin("{ webhookDeadLetters(organisationId: \"" + SUBSCRIBED.organisationId()
                                + "\") { edges { node { id } } } }")
                        .at("/data/webhookDeadLetters/edges"))
                .isEmpty();
    }

    @Test
    void aGoneReceiverMakesADeadLetterAtOnce() throws Exception {
        subscribe();
        receiver.answer(410, Map.of());

        matchTheHousehold();
        sendUntil(1);

        assertThat(delivery())
                .containsEntry("status", "DEAD")
                .containsEntry("attempts", 1L)
                .containsEntry("lastStatus", 410L);
    }

    @Test
    void anOrganisationWithoutSubscriptionGetsNothing() throws Exception {
        matchTheHousehold();
        sendOnce();

        assertThat(TestGraph.count(
                        driver,
                        "MATCH (d:WebhookDelivery) WHERE d.body CONTAINS $household RETURN count(d) AS n",
                        Map.of("household", HOUSEHOLD)))
                .isZero();
        assertThat(receiver.requests).isEmpty();
    }

    @Test
    void subscriptionsTakeHttpsAddressesOfKnownOrganisationsFromAdministratorsOnly() {
        assertThat(putSubscription(SUBSCRIBED.organisationId(), "http://case-system.example.org/hooks", ADMINISTRATOR)
                        .at("/data/putWebhookSubscription/errors/0/code")
                        .asString())
                .isEqualTo("URL_NOT_HTTPS");
        assertThat(putSubscription(SUBSCRIBED.organisationId(), "not an address", ADMINISTRATOR)
                        .at("/data/putWebhookSubscription/errors/0/code")
                        .asString())
                .isEqualTo("MALFORMED_URL");
        assertThat(putSubscription("no-such-organisation", "https://case-system.example.org/hooks", ADMINISTRATOR)
                        .at("/data/putWebhookSubscription/errors/0/code")
                        .asString())
                .isEqualTo("UNKNOWN_ORGANISATION");
        JsonNode refused = putSubscription(
                SUBSCRIBED.organisationId(), "https://case-system.example.org/hooks", professional(SUBSCRIBED));
        assertThat(refused.at("/data/putWebhookSubscription").isMissingNode()
                        || refused.at("/data/putWebhookSubscription").isNull())
                .isTrue();
        assertThat(refused.get("errors")).isNotEmpty();
        assertThat(admin("{ webhookSubscriptions { organisationId } }").at("/data/webhookSubscriptions"))
                .isEmpty();

        long audited = auditedSubscriptionChanges();
        assertThat(putSubscription(SUBSCRIBED.organisationId(), "https://case-system.example.org/hooks", ADMINISTRATOR)
                        .at("/data/putWebhookSubscription/secret")
                        .asString())
                .startsWith("whsec_");
        assertThat(auditedSubscriptionChanges()).isEqualTo(audited + 1);
        assertThat(admin("{ webhookSubscriptions { organisationId url } }")
                        .at("/data/webhookSubscriptions/0/url")
                        .asString())
                .isEqualTo("https://case-system.example.org/hooks");
        assertThat(admin("mutation { removeWebhookSubscription(input: {organisationId: \"" + SUBSCRIBED.organisationId()
                                + "\"}) { removed } }")
                        .at("/data/removeWebhookSubscription/removed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theDatabaseHoldsTheSigningSecretSealedSoACopyOfTheStoreCannotSign() {
        String secret = subscribe();

        String stored = storedSecret();

        assertThat(stored).startsWith(WebhookSecrets.SEALED_PREFIX);
        assertThat(stored).doesNotContain(secret.substring("whsec_".length()));
        assertThat(secrets.open(stored)).isEqualTo(secret);
        assertThat(secrets.seal(secret)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void aSecretStoredBeforeSealingIsSealedAtTheNextStartAndStillSigns() throws Exception {
        subscribe();
        String earlier = WebhookSignature.newSecret();
        driver.executableQuery("MATCH (s:WebhookSubscription {organisationId: $organisation}) SET s.secret = $secret")
                .withParameters(Map.of("organisation", SUBSCRIBED.organisationId(), "secret", earlier))
                .execute();

        secrets.afterPropertiesSet();

        assertThat(storedSecret()).startsWith(WebhookSecrets.SEALED_PREFIX);
        matchTheHousehold();
        sendUntil(1);
        Request request = receiver.requests.getFirst();
        assertThat(request.signature())
                .isEqualTo(expectedSignature(earlier, request.id(), request.timestamp(), request.body()));
    }

    private String storedSecret() {
        return driver.executableQuery("MATCH (s:WebhookSubscription {organisationId: $organisation}) RETURN s.secret")
                .withParameters(Map.of("organisation", SUBSCRIBED.organisationId()))
                .execute()
                .records()
                .getFirst()
                .get(0)
                .asString();
    }

    private long auditedSubscriptionChanges() {
        return TestGraph.count(
                driver,
                """
                MATCH (e:AuditEvent {purpose: 'webhook-subscription', username: $username, action: 'CHANGE'})
                RETURN count(e) AS n
                """,
                Map.of("username", ADMINISTRATOR.username()));
    }

    private String subscribe() {
        JsonNode payload = putSubscription(SUBSCRIBED.organisationId(), receiver.url(), ADMINISTRATOR)
                .at("/data/putWebhookSubscription");
        assertThat(payload.get("errors")).isEmpty();
        return payload.get("secret").asString();
    }

    private JsonNode putSubscription(String organisationId, String url, NabijUser user) {
        return GraphQlClients.answer(
                port,
                "mutation { putWebhookSubscription(input: {organisationId: \"" + organisationId + "\", url: \"" + url
                        + "\"}) { subscription { organisationId url } secret errors { code } } }",
                user);
    }

    private JsonNode admin(String query) {
        return GraphQlClients.answer(port, query, ADMINISTRATOR);
    }

    /** The subscribed organisation's professional registers first, the other second: they now share the household. */
    private String matchTheHousehold() {
        register(professional(SUBSCRIBED));
        return register(professional(JOINING));
    }

    private String register(NabijUser user) {
        Map<String, Object> input = new HashMap<>();
        input.put("bsn", BSN);
        input.put("domain", "WMO");
        input.put("since", LocalDate.now().toString());
        return GraphQlClients.overHttp(port, user)
                .document(
                        """
                        mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {
                          involvement { id } errors { code } } }
                        """)
                .variable("input", input)
                .execute()
                .path("registerInvolvement.involvement.id")
                .entity(String.class)
                .get();
    }

    private static NabijUser professional(SeedData.Professional professional) {
        return new NabijUser(
                "p-" + professional.id(), Role.PROFESSIONAL, professional.id(), null, professional.organisationId());
    }

    /**
     * Runs the sender until the receiver has had {@code count} requests: the app's own scheduled sender may take a
     * round first, and then this one waits for its lock.
     */
    private void sendUntil(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receiver.requests.size() < count && System.nanoTime() < deadline) {
            sender.round();
            if (receiver.requests.size() < count) {
                Thread.sleep(100);
            }
        }
        assertThat(receiver.requests).hasSize(count);
        // The attempt is recorded after the answer: a round of this sender's own starts after it.
        sendOnce();
    }

    /**
     * One round of this sender, once the app's own has let go of the lock: a round that finds nothing due takes no
     * lock, so the wait for the app's round (and the attempt it records) is on the lock itself.
     */
    private void sendOnce() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lock.runOnce(WebhookSender.JOB, Duration.ofSeconds(30), Duration.ZERO, () -> Boolean.TRUE)
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        while (sender.round().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private Map<String, Object> delivery() {
        return driver.executableQuery(
                        """
                        MATCH (d:WebhookDelivery {organisationId: $organisation})
                        RETURN d {.status, .attempts, .lastStatus} AS value
                        """)
                .withParameters(Map.of("organisation", SUBSCRIBED.organisationId()))
                .execute()
                .records()
                .getFirst()
                .get("value")
                .asMap();
    }

    private long deliveries() {
        return TestGraph.count(
                driver,
                "MATCH (d:WebhookDelivery {organisationId: $organisation}) RETURN count(d) AS n",
                Map.of("organisation", SUBSCRIBED.organisationId()));
    }

    private String organisationName(String id) {
        return driver.executableQuery("MATCH (o:Organisation {id: $id}) RETURN o.name AS name")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .getFirst()
                .get("name")
                .asString();
    }

    /** What a Standard Webhooks verifier computes: HMAC-SHA256 of id.timestamp.body with the decoded secret. */
    private static String expectedSignature(String secret, String id, String timestamp, String body)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** One request the receiver took. */
    private record Request(String id, String timestamp, String signature, String contentType, String body) {}

    /** A case system's webhook endpoint on this machine: answers as told, 200 once told nothing more. */
    private static final class Receiver {

        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final Deque<Map.Entry<Integer, Map<String, String>>> answers = new ArrayDeque<>();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map.Entry<Integer, Map<String, String>> answer;
                synchronized (answers) {
                    answer = answers.isEmpty() ? Map.entry(200, Map.of()) : answers.removeFirst();
                }
                answer.getValue()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                var headers = exchange.getRequestHeaders();
                requests.add(new Request(
                        headers.getFirst("webhook-id"),
                        headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"),
                        headers.getFirst("Content-Type"),
                        body));
                exchange.sendResponseHeaders(answer.getKey(), -1);
                exchange.close();
            });
            server.start();
        }

        void answer(int status, Map<String, String> headers) {
            synchronized (answers) {
                answers.addLast(Map.entry(status, new LinkedHashMap<>(headers)));
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        void stop() {
            server.stop(0);
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
