package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.nabij.NabijApplication;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestSecrets;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Two app instances on one database, as behind a load balancer without sticky routing: a session started on one holds
 * on the other, and disabling the account ends it on both. The second instance runs in the production profile, with
 * short limits, so the idle timeout, the throttle's delays and lock, and the bound on password checks show within
 * seconds.
 */
@NabijIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAcrossInstancesTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int firstPort;

    @Autowired
    Neo4jConnectionDetails database;

    @Autowired
    Driver driver;

    ConfigurableApplicationContext second;
    SignInClient first;
    SignInClient other;

    @BeforeAll
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(NabijApplication.class)
                .properties(
                        "spring.profiles.active=prod",
                        "nabij.volunteer.public-url=https://nabij.example.nl",
                        "spring.neo4j.uri=" + database.getUri(),
                        "server.port=0",
                        "nabij.demo-data.enabled=false",
                        "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                        TestTokens.PUBLIC_KEY_PROPERTY,
                        "nabij.session.idle-timeout=PT5S",
                        "nabij.sign-in.free-attempts=3",
                        "nabij.sign-in.delay=PT0.2S",
                        "nabij.sign-in.lock-after=6",
                        "nabij.sign-in.lock-duration=PT3S",
                        "nabij.sign-in.concurrent-verifications=1",
                        "nabij.sign-in.verification-wait=PT0S")
                .run();
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
        // Boot turns introspection off for the whole JVM in production; give it back to the other tests in this one.
        Introspection.enabledJvmWide(true);
    }

    @BeforeEach
    void clients() {
        first = new SignInClient(firstPort);
        other = new SignInClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
    }

    /** A fresh analyst's account, which one administrator may create, so no demo account gets locked. */
    private String newAccount() {
        String username = "test.session." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("password", PASSWORD);
        input.put("role", "ANALYST");
        input.put("organisationId", TestUsers.demo(Role.ANALYST).organisationId());
        admin().documentName("createAccount")
                .variable("input", input)
                .execute()
                .path("createAccount.errors")
                .entityList(Object.class)
                .hasSize(0);
        return username;
    }

    private HttpGraphQlTester admin() {
        return GraphQlClients.overHttp(firstPort, TestUsers.demo(Role.ADMINISTRATOR));
    }

    @Test
    void aSessionHoldsOnBothInstancesAndDisablingTheAccountEndsItOnBoth() throws Exception {
        String username = newAccount();
        var startedHere = first.session(username, PASSWORD);
        var startedThere = other.session(username, PASSWORD);
        assertThat(other.me(startedHere).body()).contains(username);
        assertThat(first.me(startedThere).body()).contains(username);

        admin().documentName("disableAccount")
                .variable("username", username)
                .execute()
                .path("disableAccount.errors")
                .entityList(Object.class)
                .hasSize(0);

        for (var session : List.of(startedHere, startedThere)) {
            assertThat(first.me(session).statusCode()).isEqualTo(401);
            assertThat(other.me(session).statusCode()).isEqualTo(401);
        }
        assertThat(driver.executableQuery("MATCH (:Account {username: $username})<-[:OF]-(s:Session) RETURN count(s)")
                        .withParameters(Map.of("username", username))
                        .execute()
                        .records()
                        .getFirst()
                        .get(0)
                        .asInt())
                .isZero();
    }

    @Test
    void inProductionTheCookieIsSecureEvenOnLoopbackAndHttpBasicIsOff() throws Exception {
        String username = newAccount();

        assertThat(SignInClient.setCookies(other.signIn(username, PASSWORD)))
                .filteredOn(cookie -> cookie.startsWith(SessionCookie.NAME + "="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Strict"));
        assertThat(other.basic(username, PASSWORD, SignInClient.ME).statusCode())
                .isEqualTo(401);
        assertThat(first.basic(username, PASSWORD, SignInClient.ME).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutButUseKeepsItGoing() throws Exception {
        var session = other.session(newAccount(), PASSWORD);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2_500);
            assertThat(other.me(session).statusCode())
                    .as("used after %d × 2.5 s", i + 1)
                    .isEqualTo(200);
        }

        Thread.sleep(6_000);

        assertThat(other.me(session).statusCode()).isEqualTo(401);
    }

    @Test
    void thirtyWrongPasswordsMeetGrowingDelaysThenALockTheAuditorSeesAndTheOwnerGetsInAfterIt() throws Exception {
        String username = newAccount();
        MeterRegistry metrics = second.getBean(MeterRegistry.class);
        double checksBefore = metrics.counter(PasswordVerification.METRIC).count();

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(other.signIn(username, "not-the-password-" + i));
            Thread.sleep(100);
        }

        var statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses.subList(0, 4)).containsOnly(401);
        assertThat(statuses).filteredOn(status -> status == 401).hasSizeBetween(4, 6);
        assertThat(statuses.getLast()).isEqualTo(429);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).allSatisfy(answer -> assertThat(
                        answer.headers().firstValue("Retry-After"))
                .isPresent());
        assertThat(answers).anySatisfy(answer -> assertThat(answer.body()).contains("SIGN_IN_DELAYED"));
        assertThat(answers.getLast().body()).contains("SIGN_IN_LOCKED");
        // Only the attempts let through were checked; the refused ones cost no hashing.
        assertThat(metrics.counter(PasswordVerification.METRIC).count() - checksBefore)
                .isLessThanOrEqualTo(6);
        // Locked on this instance is locked on every instance.
        assertThat(first.signIn(username, PASSWORD).statusCode()).isEqualTo(429);
        assertThat(driver.executableQuery(
                                """
                                MATCH (e:AuditEvent {purpose: 'sign-in-locked', username: $username})
                                RETURN e.outcome AS outcome, e.basis AS basis""")
                        .withParameters(Map.of("username", username))
                        .execute()
                        .records())
                .isNotEmpty()
                .allSatisfy(event -> {
                    assertThat(event.get("outcome").asString()).isEqualTo("DENIED");
                    assertThat(event.get("basis").asString()).isEqualTo("account");
                });

        Thread.sleep(3_500);

        assertThat(other.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aFloodOfWrongCredentialsIsAnsweredQuicklyWithoutHashingBeyondTheBound() throws Exception {
        MeterRegistry metrics = second.getBean(MeterRegistry.class);
        double checksBefore = metrics.counter(PasswordVerification.METRIC).count();
        List<Callable<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "flood-" + UUID.randomUUID();
            flood.add(() -> other.signIn(name, "not-the-password"));
        }

        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> answer : executor.invokeAll(flood)) {
                statuses.add(answer.get().statusCode());
            }
        }

        assertThat(statuses).containsOnly(401, 503).contains(503);
        long refused = statuses.stream().filter(status -> status == 503).count();
        assertThat(metrics.counter(PasswordVerification.METRIC).count() - checksBefore)
                .isEqualTo(20 - refused);
    }
}
