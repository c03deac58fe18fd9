package nl.nabij.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nabij's household view against the peer a Neo4j user would pick instead (benchmarks/peer: @neo4j/graphql on Apollo
 * Server, reading the same embedded Neo4j over Bolt), on the same question: the household at one address, its members
 * and its active involvements with professional, organisation and team. Both answers are read once and checked equal
 * field by field; under load every body is then checked identical to that first one. The runs alternate, Nabij and
 * the peer, in the same window, so whatever else the machine does weighs on both; each row states that other load.
 *
 * <p>CPU per answer counts the app's process (Nabij with its embedded Neo4j) and the peer's process over the
 * measured period, divided by the answers in it: for the peer that is its own work plus Neo4j's inside the app.
 */
public final class PeerComparison {

    static final String USAGE =
            """
            Compares Nabij's household view with the @neo4j/graphql peer on the same database, alternating runs.

              --url URL            Nabij's GraphQL endpoint (default http://127.0.0.1:8080/graphql)
              --peer URL           the peer's endpoint (default http://127.0.0.1:4000/)
              --bolt URI           the database, read for the household and its team lead (default bolt://127.0.0.1:7687)
              --key FILE           the PKCS#8 key tokens are signed with
              --postcode P         the household's postcode as stored (default 1311HV)
              --house-number N     its house number (default 15)
              --clients N          concurrent clients (default 32)
              --warmup S           seconds of warm-up per run (default 10)
              --duration S         measured seconds per run (default 20)
              --rounds N           how many times each runs, alternating (default 2)
              --app-pid PID        Nabij's process, for its CPU
              --peer-pid PID       the peer's process, for its CPU
              --only LIST          household,typename (default both)
            """;

    /** Nabij's question, asking for what the peer's answers and nothing more. */
    static final String NABIJ_HOUSEHOLD =
            """
            query ($id: ID!) { household(id: $id) { id address { postcode houseNumber }
              members { id displayName birthYear role }
              involvements { id domain since status professional { name discipline }
                             organisation { name kind careLine } team { name } resident { id } } } }""";

    /** The same question in the peer's generated schema: involvements with the household and with each member. */
    static final String PEER_HOUSEHOLD =
            """
            query ($id: ID!) { households(where: {id: {eq: $id}}) { id postcode houseNumber
              membersConnection { edges { properties { role }
                node { id displayName birthYear involvements(where: {status: {eq: "ACTIVE"}}) { ...I } } } }
              involvements(where: {status: {eq: "ACTIVE"}}) { ...I } } }
            fragment I on Involvement { id domain since status professional { name discipline }
              organisation { name kind careLine } team { name } }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long TICKS_PER_SECOND = 100;

    /** What one run measured. */
    record Run(
            String system,
            String scenario,
            int answers,
            int errors,
            double perSecond,
            double p50,
            double p99,
            double cpuMillisPerAnswer,
            double otherLoadCores,
            String firstError) {}

    /** One kind of request: where it goes, its body, its headers, and the body every answer must be. */
    record Target(String system, String scenario, URI url, String body, Map<String, String> headers, String expected) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        URI nabij = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/graphql"));
        URI peer = URI.create(options.getOrDefault("peer", "http://127.0.0.1:4000/"));
        Tokens tokens = new Tokens(
                Path.of(options.getOrDefault("key", "backend/src/test/resources/security/test-jwt-private.pem")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("app-pid", "peer-pid")) {
            if (options.containsKey(name)) {
                pids.add(Long.valueOf(options.get(name)));
            }
        }
        List<String> only =
                List.of(options.getOrDefault("only", "household,typename").split(","));

        Record lead;
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver = GraphDatabase.driver(
                        options.getOrDefault("bolt", "bolt://127.0.0.1:7687"), AuthTokens.none(), quiet);
                Session session = driver.session()) {
            lead = session.executeRead(tx -> tx.run(
                            """
                            MATCH (h:Household {postcode: $postcode, houseNumber: $houseNumber})-[:LOCATED_IN]->(n)
                                  <-[:SERVES]-(t:Team)<-[:SECONDED_TO]-(p:Professional)-[:EMPLOYED_BY]->(o:Organisation)
                            RETURN h.id AS household, p.id AS professional, o.id AS organisation
                            ORDER BY p.name, p.id LIMIT 1""",
                            Map.of(
                                    "postcode",
                                    options.getOrDefault("postcode", "1311HV"),
                                    "houseNumber",
                                    Long.parseLong(options.getOrDefault("house-number", "15"))))
                    .single());
        }
        String householdId = lead.get("household").asString();
        String teamLead = tokens.issue(
                "bench-teamlead",
                "TEAM_LEAD",
                lead.get("professional").asString(),
                lead.get("organisation").asString());
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + teamLead);

        List<List<Target>> alternating = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            if (only.contains("household")) {
                String nabijBody = body(NABIJ_HOUSEHOLD, Map.of("id", householdId));
                String peerBody = body(PEER_HOUSEHOLD, Map.of("id", householdId));
                String nabijAnswer = post(http, nabij, nabijBody, bearer);
                String peerAnswer = post(http, peer, peerBody, Map.of());
                JsonNode fromNabij = fromNabij(JSON.readTree(nabijAnswer));
                JsonNode fromPeer = fromPeer(JSON.readTree(peerAnswer));
                if (!fromNabij.equals(fromPeer)) {
                    throw new IllegalStateException(
                            "The answers differ.\nNabij: " + fromNabij + "\nPeer:  " + fromPeer);
                }
                System.err.printf(
                        Locale.ROOT,
                        "Both answer the same: household %s, %d members, %d active involvements%n",
                        householdId,
                        fromNabij.get("members").size(),
                        fromNabij.get("involvements").size());
                alternating.add(List.of(
                        new Target("Nabij, bearer token", "household", nabij, nabijBody, bearer, nabijAnswer),
                        new Target("@neo4j/graphql", "household", peer, peerBody, Map.of(), peerAnswer)));
            }
            if (only.contains("typename")) {
                String typename = body("{ __typename }", Map.of());
                alternating.add(List.of(
                        new Target("Nabij, bearer token", "typename", nabij, typename, bearer, null),
                        new Target("Nabij, anonymous", "typename", nabij, typename, Map.of(), null),
                        new Target("@neo4j/graphql", "typename", peer, typename, Map.of(), null)));
            }
            List<Run> runs = new ArrayList<>();
            for (List<Target> targets : alternating) {
                for (int round = 0; round < rounds; round++) {
                    for (Target target : targets) {
                        Run run = run(http, target, clients, warmup, duration, pids);
                        runs.add(run);
                        System.err.println(row(run));
                        if (run.firstError() != null) {
                            System.err.println("  first error: " + run.firstError());
                        }
                    }
                }
            }
            System.out.println(
                    "| system | scenario | answers | errors | per second | p50 ms | p99 ms | CPU ms per answer (app + peer) | other load, cores |\n"
                            + "|---|---|---|---|---|---|---|---|---|");
            runs.forEach(run -> System.out.println(row(run)));
        }
    }

    static Run run(HttpClient http, Target target, int clients, Duration warmup, Duration duration, List<Long> pids)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicReference<long[]> cpuAtStart = new AtomicReference<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.execute(() -> {
                sleepUntil(measureFrom);
                cpuAtStart.set(cpuTicks(pids));
            });
            for (int c = 0; c < clients; c++) {
                LatencyRecorder recorder = new LatencyRecorder();
                recorders.add(recorder);
                pool.execute(() -> {
                    while (System.nanoTime() < measureUntil) {
                        long started = System.nanoTime();
                        String failure = send(http, target);
                        long finished = System.nanoTime();
                        if (failure != null) {
                            firstError.compareAndSet(null, failure);
                        }
                        if (started >= measureFrom && finished <= measureUntil) {
                            recorder.record(finished - started, failure != null);
                        }
                    }
                });
            }
            sleepUntil(measureUntil);
            long[] cpuAtEnd = cpuTicks(pids);
            long[] start = cpuAtStart.get();
            long[] sorted = LatencyRecorder.merged(recorders);
            int errors = recorders.stream().mapToInt(LatencyRecorder::errors).sum();
            double seconds = duration.toNanos() / 1e9;
            long ownTicks = cpuAtEnd[0] - start[0];
            long machineBusy = cpuAtEnd[1] - start[1];
            long driverTicks = cpuAtEnd[2] - start[2];
            return new Run(
                    target.system(),
                    target.scenario(),
                    sorted.length,
                    errors,
                    sorted.length / seconds,
                    LatencyRecorder.percentileMillis(sorted, 50),
                    LatencyRecorder.percentileMillis(sorted, 99),
                    pids.isEmpty() || sorted.length == 0
                            ? Double.NaN
                            : ownTicks * 1000.0 / TICKS_PER_SECOND / sorted.length,
                    pids.isEmpty()
                            ? Double.NaN
                            : (machineBusy - ownTicks - driverTicks) / (double) TICKS_PER_SECOND / seconds,
                    firstError.get());
        }
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * CPU ticks so far: the measured processes together, the whole machine's busy time (/proc/stat, all cores), and
     * this driver's own, so what the machine did besides can be told apart.
     */
    static long[] cpuTicks(List<Long> pids) {
        long own = 0;
        for (long pid : pids) {
            own += processTicks(pid);
        }
        long machine = 0;
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                if (i != 4 && i != 5) {
                    machine += Long.parseLong(cpu[i]);
                }
            }
        } catch (IOException e) {
            machine = -1;
        }
        return new long[] {own, machine, processTicks(ProcessHandle.current().pid())};
    }

    /** utime + stime of a process, in clock ticks. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String send(HttpClient http, Target target) {
        try {
            HttpResponse<String> response = http.send(
                    request(target.url(), target.body(), target.headers()), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode() + ": " + abbreviated(response.body());
            }
            if (target.expected() != null
                    ? !target.expected().equals(response.body())
                    : response.body().contains("\"errors\"")) {
                return "unexpected answer: " + abbreviated(response.body());
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static String post(HttpClient http, URI url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(url, body, headers), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpRequest request(URI url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request.build();
    }

    /** Nabij's answer in the shape both are compared in: members and involvements sorted by id. */
    static JsonNode fromNabij(JsonNode answer) {
        JsonNode household = answer.get("data").get("household");
        List<Map<String, Object>> members = new ArrayList<>();
        household
                .get("members")
                .forEach(member -> members.add(ordered(
                        "id", member.get("id").asString(),
                        "displayName", member.get("displayName").asString(),
                        "birthYear", member.get("birthYear").asInt(),
                        "role", member.get("role").asString())));
        List<Map<String, Object>> involvements = new ArrayList<>();
        household
                .get("involvements")
                .forEach(involvement -> involvements.add(involvement(
                        involvement,
                        involvement.get("professional"),
                        involvement.get("organisation"),
                        involvement.get("team"),
                        involvement.get("resident").isNull()
                                ? null
                                : involvement.get("resident").get("id").asString())));
        return compared(
                household.get("id").asString(),
                household.get("address").get("postcode").asString(),
                household.get("address").get("houseNumber").asInt(),
                members,
                involvements);
    }

    /** The peer's answer in the same shape; its to-one relationships are lists of at most one. */
    static JsonNode fromPeer(JsonNode answer) {
        JsonNode household = answer.get("data").get("households").get(0);
        List<Map<String, Object>> members = new ArrayList<>();
        List<Map<String, Object>> involvements = new ArrayList<>();
        household.get("membersConnection").get("edges").forEach(edge -> {
            JsonNode member = edge.get("node");
            members.add(ordered(
                    "id", member.get("id").asString(),
                    "displayName", member.get("displayName").asString(),
                    "birthYear", member.get("birthYear").asInt(),
                    "role", edge.get("properties").get("role").asString()));
            member.get("involvements")
                    .forEach(involvement -> involvements.add(
                            peerInvolvement(involvement, member.get("id").asString())));
        });
        household.get("involvements").forEach(involvement -> involvements.add(peerInvolvement(involvement, null)));
        return compared(
                household.get("id").asString(),
                household.get("postcode").asString(),
                household.get("houseNumber").asInt(),
                members,
                involvements);
    }

    private static Map<String, Object> peerInvolvement(JsonNode involvement, String residentId) {
        return involvement(
                involvement,
                involvement.get("professional").get(0),
                involvement.get("organisation").get(0),
                involvement.get("team").isEmpty()
                        ? null
                        : involvement.get("team").get(0),
                residentId);
    }

    private static Map<String, Object> involvement(
            JsonNode involvement, JsonNode professional, JsonNode organisation, JsonNode team, String residentId) {
        return ordered(
                "id", involvement.get("id").asString(),
                "domain", involvement.get("domain").asString(),
                "since", involvement.get("since").asString(),
                "status", involvement.get("status").asString(),
                "professional",
                        ordered(
                                "name",
                                professional.get("name").asString(),
                                "discipline",
                                professional.get("discipline").asString()),
                "organisation",
                        ordered(
                                "name",
                                organisation.get("name").asString(),
                                "kind",
                                organisation.get("kind").asString(),
                                "careLine",
                                organisation.get("careLine").asString()),
                "team", team == null || team.isNull() ? null : team.get("name").asString(),
                "resident", residentId);
    }

    private static JsonNode compared(
            String id,
            String postcode,
            int houseNumber,
            List<Map<String, Object>> members,
            List<Map<String, Object>> involvements) {
        Comparator<Map<String, Object>> byId = Comparator.comparing(map -> (String) map.get("id"));
        members.sort(byId);
        involvements.sort(byId);
        return JSON.valueToTree(ordered(
                "id", id,
                "postcode", postcode,
                "houseNumber", houseNumber,
                "members", members,
                "involvements", involvements));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static String row(Run r) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %d | %,.0f | %.1f | %.1f | %.2f | %.2f |",
                r.system(),
                r.scenario(),
                r.answers(),
                r.errors(),
                r.perSecond(),
                r.p50(),
                r.p99(),
                r.cpuMillisPerAnswer(),
                r.otherLoadCores());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
            }
        }
        return options;
    }
}
