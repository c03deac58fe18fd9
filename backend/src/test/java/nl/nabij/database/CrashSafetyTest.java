package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.AppProcess;
import nl.nabij.support.MixedWriteLoad;
import nl.nabij.support.SharedAppProcess;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Nothing acknowledged is lost: the application is killed with {@code kill -9} in the middle of 1,000 registrations
 * from eight clients at once, and after a restart every registration it had answered with an id is there. And the
 * same under every kind of write at once ({@link MixedWriteLoad}), for {@code -Dnabij.crash.cycles} cycles of load,
 * kill and restart on one store (one in the suite): every acknowledged write is there exactly once, none lost, none
 * made twice. And reads: every read answered before the kill has its audit event after it, though reads' events are
 * committed in groups. {@code ops/crash-check.sh [cycles]} runs this class on its own.
 *
 * <p>Each test puts its load on the {@link SharedAppProcess}, kills it, starts it again on the same store and checks,
 * leaving that restart running for the next: every test sees a kill -9 in the middle of its own load and a restart,
 * and the demo data is loaded into a fresh store once per run rather than once per test.
 */
class CrashSafetyTest {

    private static final int REGISTRATIONS = 1_000;
    private static final int KILL_AFTER = 300;
    private static final int WRITES_BEFORE_KILL = 150;
    private static final Pattern ID = Pattern.compile("\"involvement\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final String REGISTER =
            "{\"query\":\"mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {"
                    + " involvement { id } created } }\",\"variables\":{\"input\":{\"bsn\":\"%s\",\"domain\":\"%s\","
                    + "\"since\":\"2026-01-05\"}}}";
    private static final String[] DOMAINS = {
        "WMO", "YOUTH", "PARTICIPATION", "ZVW", "WLZ", "DEBT", "EDUCATION", "SAFETY"
    };

    @Test
    void everyAcknowledgedRegistrationSurvivesAKillMinusNine() throws Exception {
        SeedData seed = SeedData.fromClasspath();
        List<String> bsns = seed.households().stream()
                .flatMap(household -> household.members().stream())
                .map(SeedData.Member::bsn)
                .toList();
        List<NabijUser> professionals = seed.professionals().stream()
                .map(p -> new NabijUser("p-" + p.id(), Role.PROFESSIONAL, p.id(), null, p.organisationId()))
                .toList();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        String start = Instant.now().toString();

        AppProcess app = SharedAppProcess.running();
        int httpPort = app.httpPort();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int client = 0; client < 8; client++) {
            clients.execute(() -> {
                for (int i = next.getAndIncrement(); i < REGISTRATIONS; i = next.getAndIncrement()) {
                    NabijUser professional = professionals.get(i % professionals.size());
                    String body = REGISTER.formatted(bsns.get(i % bsns.size()), DOMAINS[(i / 80) % DOMAINS.length]);
                    try {
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", TestUsers.bearer(professional))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher id = ID.matcher(answer.body());
                        if (answer.statusCode() == 200 && id.find()) {
                            acknowledged.add(id.group(1));
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.size() < KILL_AFTER) {
            Thread.sleep(20);
        }
        app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        List<String> ids = new ArrayList<>(acknowledged);
        assertThat(ids.size()).as("killed in the middle").isBetween(KILL_AFTER, REGISTRATIONS - 1);

        SharedAppProcess.restart();
        try (Driver driver = GraphDatabase.driver(bolt())) {
            long found = driver.executableQuery("MATCH (i:Involvement) WHERE i.id IN $ids RETURN count(i) AS n")
                    .withParameters(Map.of("ids", ids))
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
            assertThat(found).as("acknowledged registrations after the restart").isEqualTo(ids.size());
            // Registrations commit in groups, each with its audit event: every one made has its event, none more.
            Map<String, Object> parameters = Map.of(
                    "start",
                    start,
                    "usernames",
                    professionals.stream().map(NabijUser::username).toList());
            long made = driver.executableQuery(
                            """
                            MATCH (p:Professional)-[:REGISTERED]->(i:Involvement)
                            WHERE i.registeredAt >= datetime($start) AND 'p-' + p.id IN $usernames
                            RETURN count(i) AS n""")
                    .withParameters(parameters)
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
            long audited = driver.executableQuery(
                            """
                            MATCH (e:AuditEvent {purpose: 'involvement-register'})
                            WHERE e.at >= datetime($start) AND e.username IN $usernames
                            RETURN count(e) AS n""")
                    .withParameters(parameters)
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
            assertThat(audited).as("registration events after the restart").isEqualTo(made);
        }
    }

    /**
     * Reads are audited by group commit (many reads' events in one transaction); a read is answered only once its
     * event is committed. Thirty-two clients read the case household, each request under a username of its own; the
     * app is killed after 300 answers, and after the restart every answered request has its event.
     */
    @Test
    void everyAnsweredReadKeepsItsAuditEventAfterAKillMinusNine() throws Exception {
        SeedData seed = SeedData.fromClasspath();
        NabijUser lead = TestUsers.teamLead();
        String body = "{\"query\":\"query($id: ID!) { household(id: $id) { id members { displayName } } }\","
                + "\"variables\":{\"id\":\"" + seed.caseHousehold().id() + "\"}}";
        List<String> answered = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();

        AppProcess app = SharedAppProcess.running();
        URI url = URI.create("http://127.0.0.1:" + app.httpPort() + "/graphql");
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        for (int client = 0; client < 32; client++) {
            clients.execute(() -> {
                while (true) {
                    String reader = "reader-" + next.getAndIncrement();
                    NabijUser user =
                            new NabijUser(reader, Role.TEAM_LEAD, lead.professionalId(), null, lead.organisationId());
                    try {
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(url)
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", TestUsers.bearer(user))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200 && answer.body().contains("\"displayName\"")) {
                            answered.add(reader);
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
        }
        while (answered.size() < KILL_AFTER) {
            Thread.sleep(5);
        }
        app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        List<String> readers = new ArrayList<>(answered);

        SharedAppProcess.restart();
        try (Driver driver = GraphDatabase.driver(bolt())) {
            long audited = driver.executableQuery("MATCH (e:AuditEvent {action: 'READ'}) WHERE e.username IN $readers"
                            + " RETURN count(DISTINCT e.username) AS n")
                    .withParameters(Map.of("readers", readers))
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
            assertThat(audited)
                    .as("answered reads with their audit event after the restart")
                    .isEqualTo(readers.size());
            System.out.printf(
                    "Crash check: %d reads answered before kill -9, all %d audited%n", readers.size(), audited);
        }
    }

    @Test
    void everyAcknowledgedWriteOfEveryKindSurvivesKillMinusNineExactlyOnce() throws Exception {
        int cycles = Integer.getInteger("nabij.crash.cycles", 1);
        List<MixedWriteLoad> loads = new ArrayList<>();
        AppProcess app = SharedAppProcess.running();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            try (Driver driver = GraphDatabase.driver(bolt())) {
                MixedWriteLoad load = MixedWriteLoad.start(app.httpPort(), driver);
                loads.add(load);
                while (load.acknowledgedCount() < WRITES_BEFORE_KILL) {
                    Thread.sleep(20);
                }
                app.kill();
                load.stop();
            }
            app = SharedAppProcess.restart();
            try (Driver driver = GraphDatabase.driver(bolt())) {
                for (MixedWriteLoad load : loads) {
                    MixedWriteLoad.Verdict verdict = load.verifyAcknowledged(driver);
                    assertThat(verdict.lost()).as("lost after cycle " + cycle).isEmpty();
                    assertThat(verdict.duplicated())
                            .as("made twice after cycle " + cycle)
                            .isEmpty();
                }
            }
        }
        int acknowledged =
                loads.stream().mapToInt(MixedWriteLoad::acknowledgedCount).sum();
        System.out.printf(
                "Crash check: %d cycles of kill -9 under every kind of write, %d acknowledged writes, 0 lost,"
                        + " 0 made twice%n",
                cycles, acknowledged);
    }

    private static String bolt() {
        return "bolt://127.0.0.1:" + SharedAppProcess.boltPort();
    }
}
