package nl.nabij.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.seed.SeedData;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bulk registration as an organisation's case system sends it: {@code --items} NDJSON items in a single
 * {@code POST /case-system/involvements}, timed from the first byte sent to the last result read. It reports items per
 * second, how many were done, created and refused (with their codes), and the application's heap, sampled with
 * {@code jcmd <pid> GC.heap_info} while the request runs, besides its resident memory.
 *
 * <p>The items register the demo data's residents by their synthetic BSNs for the professionals of the demo
 * organisation with the most of them, every combination of professional, resident and domain once, so each item is a
 * new involvement unless the demo already holds it. The driver gives those professionals employee references over
 * Bolt ({@code BENCH-1}, …) and signs a {@code CASE_SYSTEM} token for their organisation with the tests' key, so the
 * application must run with the tests' public key, on a store of its own: the run leaves its involvements behind.
 */
public final class BulkLoad {

    static final String USAGE =
            """
            Posts one bulk registration of NDJSON items to a running Nabij and reports items per second and memory.

              --url URL          the application (default http://127.0.0.1:8080)
              --bolt URI         its database, to give employee references (default bolt://127.0.0.1:7687)
              --key FILE         the PKCS#8 key tokens are signed with
                                 (default backend/src/test/resources/security/test-jwt-private.pem)
              --items N          items in the request (default 10000)
              --from N           the first combination of professional, resident and domain to register (default 0);
                                 a second run on the same store takes the next ones, or it only finds what it made
              --pid PID          the application's process, for its heap (jcmd) and resident memory
              --jcmd PATH        the jcmd to sample the heap with (default: the one beside this JVM's java)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEAP_USED = Pattern.compile("(?:total|committed) (\\d+)K, used (\\d+)K");

    private BulkLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLoad.options(args, USAGE);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080") + "/case-system/involvements");
        Tokens tokens = new Tokens(
                Path.of(options.getOrDefault("key", "backend/src/test/resources/security/test-jwt-private.pem")));
        int items = Integer.parseInt(options.getOrDefault("items", "10000"));
        int from = Integer.parseInt(options.getOrDefault("from", "0"));
        Long pid = options.containsKey("pid") ? Long.valueOf(options.get("pid")) : null;
        String jcmd = options.getOrDefault(
                "jcmd", Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());

        SeedData seed = SeedData.fromClasspath();
        Map.Entry<String, List<SeedData.Professional>> organisation = seed.professionals().stream()
                .sorted(Comparator.comparing(SeedData.Professional::id))
                .collect(
                        Collectors.groupingBy(SeedData.Professional::organisationId, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .max(Comparator.comparingInt(entry -> entry.getValue().size()))
                .orElseThrow();
        List<String> bsns = seed.households().stream()
                .flatMap(household -> household.members().stream())
                .map(SeedData.Member::bsn)
                .toList();
        giveReferences(options.getOrDefault("bolt", "bolt://127.0.0.1:7687"), organisation);
        String body = items(from, items, organisation.getValue().size(), bsns);
        String token = tokens.issue("bench-case-system", "CASE_SYSTEM", null, organisation.getKey());
        System.err.printf(
                Locale.ROOT,
                "%,d items (%,d bytes) for %d professionals of organisation %s, %,d residents%n",
                items,
                body.getBytes(StandardCharsets.UTF_8).length,
                organisation.getValue().size(),
                organisation.getKey(),
                bsns.size());

        HeapSampler heap = pid == null ? null : new HeapSampler(jcmd, pid);
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        AtomicLong created = new AtomicLong();
        long started;
        long finished;
        int status;
        try (HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
            if (heap != null) {
                heap.sample();
                sampler.scheduleWithFixedDelay(heap::sample, 0, 200, TimeUnit.MILLISECONDS);
            }
            started = System.nanoTime();
            HttpResponse<Stream<String>> response = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofMinutes(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            try (Stream<String> lines = response.body()) {
                lines.map(JSON::readTree).forEach(result -> {
                    statuses.merge(result.path("status").asString("?"), 1, Integer::sum);
                    if (result.path("created").asBoolean(false)) {
                        created.incrementAndGet();
                    }
                    for (JsonNode error : result.path("errors")) {
                        codes.merge(error.path("code").asString("?"), 1, Integer::sum);
                    }
                });
            }
            finished = System.nanoTime();
            sampler.shutdownNow();
        }
        if (heap != null) {
            heap.sample();
        }

        double seconds = (finished - started) / 1e9;
        int answered = statuses.values().stream().mapToInt(Integer::intValue).sum();
        long[] resident = pid == null ? new long[] {-1, -1} : ApiLoad.residentMemory(pid);
        System.out.printf(
                Locale.ROOT,
                """
                | items | HTTP | answered | done | created | refused | seconds | items per second | \
                app heap used, peak sampled (MB) | app heap committed (MB) | app RSS / peak (MB) |
                |---|---|---|---|---|---|---|---|---|---|---|
                | %,d | %d | %,d | %,d | %,d | %,d | %.1f | %,.0f | %s | %s | %s |
                """,
                items,
                status,
                answered,
                statuses.getOrDefault("DONE", 0),
                created.get(),
                statuses.getOrDefault("REFUSED", 0),
                seconds,
                answered / seconds,
                heap == null ? "–" : heap.peakUsedMegabytes() + " (" + heap.samples() + " samples)",
                heap == null ? "–" : String.valueOf(heap.peakCommittedMegabytes()),
                resident[0] < 0 ? "–" : resident[0] + " / " + resident[1]);
        if (!codes.isEmpty()) {
            System.out.println("refusal codes: " + codes);
        }
    }

    /**
     * Every combination of professional (as {@code BENCH-n}), resident and domain once, professionals turning fastest
     * so that consecutive items, which commit in one chunk, rarely lock the same professional.
     */
    static String items(int from, int count, int professionals, List<String> bsns) {
        String since = LocalDate.now().minusDays(7).toString();
        // A key of this run's own: keys done in an earlier run would be answered from the store, not registered.
        String run = Long.toString(System.currentTimeMillis(), 36);
        int combinations = professionals * bsns.size() * CityFixture.DOMAINS.size();
        if (from + count > combinations) {
            throw new IllegalArgumentException(
                    "there are " + combinations + " distinct items; asked " + count + " from " + from);
        }
        StringBuilder body = new StringBuilder(count * 160);
        for (int i = from; i < from + count; i++) {
            int professional = i % professionals;
            int resident = (i / professionals) % bsns.size();
            String domain = CityFixture.DOMAINS.get(i / professionals / bsns.size());
            body.append(JSON.writeValueAsString(Map.of(
                            "key",
                            "bench-" + run + "-" + i,
                            "operation",
                            "REGISTER",
                            "employeeReference",
                            "BENCH-" + (professional + 1),
                            "bsn",
                            bsns.get(resident),
                            "domain",
                            domain,
                            "since",
                            since)))
                    .append('\n');
        }
        return body.toString();
    }

    private static void giveReferences(String bolt, Map.Entry<String, List<SeedData.Professional>> organisation) {
        List<Map<String, Object>> references = new ArrayList<>();
        for (int i = 0; i < organisation.getValue().size(); i++) {
            references.add(Map.of("id", organisation.getValue().get(i).id(), "reference", "BENCH-" + (i + 1)));
        }
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none(), quiet)) {
            driver.executableQuery(
                            """
                            UNWIND $references AS row
                            MATCH (:Professional {id: row.id})-[employed:EMPLOYED_BY]->(:Organisation {id: $organisation})
                            SET employed.employeeReference = row.reference""")
                    .withParameters(Map.of("references", references, "organisation", organisation.getKey()))
                    .execute();
        }
    }

    /** The largest heap use and size {@code jcmd GC.heap_info} reported while sampling. */
    private static final class HeapSampler {

        private final List<String> command;
        private final AtomicLong peakUsedKilobytes = new AtomicLong();
        private final AtomicLong peakCommittedKilobytes = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();

        HeapSampler(String jcmd, long pid) {
            this.command = List.of(jcmd, Long.toString(pid), "GC.heap_info");
        }

        void sample() {
            try {
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                Matcher matcher = HEAP_USED.matcher(output);
                if (matcher.find()) {
                    peakCommittedKilobytes.accumulateAndGet(Long.parseLong(matcher.group(1)), Math::max);
                    peakUsedKilobytes.accumulateAndGet(Long.parseLong(matcher.group(2)), Math::max);
                    samples.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long peakUsedMegabytes() {
            return peakUsedKilobytes.get() / 1024;
        }

        long peakCommittedMegabytes() {
            return peakCommittedKilobytes.get() / 1024;
        }

        long samples() {
            return samples.get();
        }
    }
}
