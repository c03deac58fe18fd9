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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * A closed-loop load driver for the GraphQL API: each scenario runs its clients as virtual threads that send a request,
 * wait for the answer and send the next, first for a warm-up and then for the measured period. It reports throughput
 * and the 50th, 90th and 99th percentile of the response times, counting an answer with a GraphQL error as an error,
 * and the resident memory of the application's process when its pid is given.
 *
 * <p>The application must be started with the tests' public key as its identity provider's key
 * ({@code --spring.security.oauth2.resourceserver.jwt.public-key-location=file:backend/src/test/resources/security/test-jwt-public.pem}):
 * the driver signs its bearer tokens with the private half. The {@code household-basic} scenario signs in with HTTP
 * Basic instead, against an account the driver creates, to show what an Argon2id check per request costs (and, since
 * password checks are bounded, how many of them are refused); {@code household-session} signs that account in once,
 * as the web app does, and sends the session cookie.
 */
public final class ApiLoad {

    static final String USAGE =
            """
            Drives the Nabij GraphQL API with concurrent clients and reports throughput, p50, p90 and p99.

              --url URL          the GraphQL endpoint (default http://127.0.0.1:8080/graphql)
              --bolt URI         the database, read for ids before the run (default bolt://127.0.0.1:7687)
              --key FILE         the PKCS#8 key tokens are signed with
                                 (default backend/src/test/resources/security/test-jwt-private.pem)
              --scenarios LIST   comma-separated, in order (default: typename,api-version,household,
                                 overlaps-neighbourhood,overlaps-municipality,network-district,register);
                                 also household-basic and household-session
              --clients N        concurrent clients for every scenario (default: 32, or 1 for the searches)
              --warmup S         seconds of warm-up per scenario (default 10)
              --duration S       measured seconds per scenario (default 30)
              --pid PID          the application's process, for its resident memory and its CPU per request
                                 (over the measured period; "other load" is the machine's busy time less the
                                 app's and this driver's, in cores)
            """;

    private static final List<String> DEFAULT_SCENARIOS = List.of(
            "typename",
            "api-version",
            "household",
            "overlaps-neighbourhood",
            "overlaps-municipality",
            "network-district",
            "register");

    /** What one scenario measured. */
    record Result(
            String scenario,
            int clients,
            int requests,
            int errors,
            double perSecond,
            double p50,
            double p90,
            double p99,
            double max,
            long residentMegabytes,
            long peakResidentMegabytes,
            double cpuMillisPerRequest,
            double otherLoadCores,
            String firstError) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args, USAGE);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/graphql"));
        Tokens tokens = new Tokens(
                Path.of(options.getOrDefault("key", "backend/src/test/resources/security/test-jwt-private.pem")));
        List<String> names = options.containsKey("scenarios")
                ? List.of(options.get("scenarios").split(","))
                : DEFAULT_SCENARIOS;
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Long pid = options.containsKey("pid") ? Long.valueOf(options.get("pid")) : null;

        CityFixture city;
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver =
                GraphDatabase.driver(options.getOrDefault("bolt", "bolt://127.0.0.1:7687"), AuthTokens.none(), quiet)) {
            city = CityFixture.read(driver, 60_000);
            if (names.contains("household-basic") || names.contains("household-session")) {
                city.createBasicAccount(driver);
            }
        }
        String teamLead = tokens.issue("bench-teamlead", "TEAM_LEAD", city.teamLeadId(), city.teamLeadOrganisationId());
        String analyst = tokens.issue("bench-analyst", "ANALYST", null, city.municipalOrganisationId());
        System.err.printf(
                Locale.ROOT,
                "City: team lead of %s with %,d households, neighbourhood %s, municipality %s, %,d registrations%n",
                city.districtCode(),
                city.teamHouseholdIds().size(),
                city.neighbourhoodCode(),
                city.municipalityCode(),
                city.registrations().size());

        List<Result> results = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            for (String name : names) {
                Scenario scenario =
                        switch (name) {
                            case "typename" -> Scenario.typename(teamLead);
                            case "api-version" -> Scenario.apiVersion(teamLead);
                            case "household" -> Scenario.household(
                                    name, city.teamHouseholdIds(), Scenario.bearer(teamLead));
                            case "household-basic" -> Scenario.household(
                                    name,
                                    city.teamHouseholdIds(),
                                    Scenario.basic(CityFixture.BASIC_USERNAME, CityFixture.BASIC_PASSWORD));
                            case "household-session" -> Scenario.household(
                                    name,
                                    city.teamHouseholdIds(),
                                    session(http, url, CityFixture.BASIC_USERNAME, CityFixture.BASIC_PASSWORD));
                            case "overlaps-neighbourhood" -> Scenario.overlaps(
                                    name, Map.of("neighbourhoodCode", city.neighbourhoodCode()), teamLead);
                            case "overlaps-municipality" -> Scenario.overlaps(
                                    name, Map.of("municipalityCode", city.municipalityCode()), teamLead);
                            case "network-district" -> Scenario.network(city.districtCode(), analyst);
                            case "register" -> Scenario.register(city.registrations(), tokens);
                            default -> throw new IllegalArgumentException("Unknown scenario " + name + "\n" + USAGE);
                        };
                if (options.containsKey("clients")) {
                    scenario = scenario.withClients(Integer.parseInt(options.get("clients")));
                }
                Result result = run(http, url, scenario, warmup, duration, pid);
                results.add(result);
                System.err.println(row(result));
                if (result.firstError() != null) {
                    System.err.println("  first error: " + result.firstError());
                }
            }
        }
        System.out.println(table(results));
    }

    static Result run(HttpClient http, URI url, Scenario scenario, Duration warmup, Duration duration, Long pid)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Long> pids = pid == null ? List.of() : List.of(pid);
        AtomicReference<long[]> cpuAtStart = new AtomicReference<>();
        long[] cpuAtEnd;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            clients.execute(() -> {
                PeerComparison.sleepUntil(measureFrom);
                cpuAtStart.set(PeerComparison.cpuTicks(pids));
            });
            for (int c = 0; c < scenario.clients(); c++) {
                LatencyRecorder recorder = new LatencyRecorder();
                recorders.add(recorder);
                clients.execute(() -> {
                    while (System.nanoTime() < measureUntil) {
                        Scenario.Request request = scenario.next();
                        if (request == null) {
                            return;
                        }
                        long started = System.nanoTime();
                        String failure = send(http, url, request);
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
            PeerComparison.sleepUntil(measureUntil);
            cpuAtEnd = PeerComparison.cpuTicks(pids);
        }
        long[] sorted = LatencyRecorder.merged(recorders);
        int errors = recorders.stream().mapToInt(LatencyRecorder::errors).sum();
        long[] memory = pid == null ? new long[] {-1, -1} : residentMemory(pid);
        long[] start = cpuAtStart.get();
        double seconds = duration.toNanos() / 1e9;
        long appTicks = cpuAtEnd[0] - start[0];
        return new Result(
                scenario.name(),
                scenario.clients(),
                sorted.length,
                errors,
                sorted.length / (duration.toNanos() / 1e9),
                LatencyRecorder.percentileMillis(sorted, 50),
                LatencyRecorder.percentileMillis(sorted, 90),
                LatencyRecorder.percentileMillis(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                memory[0],
                memory[1],
                pid == null || sorted.length == 0
                        ? Double.NaN
                        : appTicks * 1000.0 / PeerComparison.TICKS_PER_SECOND / sorted.length,
                pid == null
                        ? Double.NaN
                        : (cpuAtEnd[1] - start[1] - appTicks - (cpuAtEnd[2] - start[2]))
                                / (double) PeerComparison.TICKS_PER_SECOND
                                / seconds,
                firstError.get());
    }

    /**
     * Signs in once, as the web app does, and returns the headers that carry the session: its cookie and the CSRF
     * token, which every POST with the cookie needs.
     */
    private static Map<String, String> session(HttpClient http, URI url, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(url.resolve("/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: HTTP " + signedIn.statusCode());
        }
        Map<String, String> cookies = new HashMap<>();
        for (String header : signedIn.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair[1]);
        }
        return Map.of(
                "Cookie",
                "nabij-session=" + cookies.get("nabij-session") + "; XSRF-TOKEN=" + cookies.get("XSRF-TOKEN"),
                "X-XSRF-TOKEN",
                cookies.get("XSRF-TOKEN"));
    }

    /** Sends one request; returns null when it was answered without errors, else what went wrong. */
    private static String send(HttpClient http, URI url, Scenario.Request request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .headers(request.headers().entrySet().stream()
                        .flatMap(header -> Stream.of(header.getKey(), header.getValue()))
                        .toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode() + ": " + abbreviated(response.body());
            }
            return response.body().contains("\"errors\":[{") ? abbreviated(response.body()) : null;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** VmRSS and VmHWM (the peak) of the process, in megabytes. */
    static long[] residentMemory(long pid) {
        try {
            long rss = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) / 1024;
                }
            }
            return new long[] {rss, peak};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static String row(Result r) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %d | %,.0f | %.1f | %.1f | %.1f | %.1f | %s | %.2f | %.2f |",
                r.scenario(),
                r.clients(),
                r.requests(),
                r.errors(),
                r.perSecond(),
                r.p50(),
                r.p90(),
                r.p99(),
                r.max(),
                r.residentMegabytes() < 0
                        ? "–"
                        : String.format(
                                Locale.ROOT, "%,d (peak %,d)", r.residentMegabytes(), r.peakResidentMegabytes()),
                r.cpuMillisPerRequest(),
                r.otherLoadCores());
    }

    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder(
                "| scenario | clients | requests | errors | per second | p50 ms | p90 ms | p99 ms | max ms | app RSS MB "
                        + "| app CPU ms per request | other load, cores |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append(row(result)).append('\n');
        }
        return table.toString();
    }

    static Map<String, String> options(String[] args, String usage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "\n" + usage);
            }
        }
        return options;
    }
}
