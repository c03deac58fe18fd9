package nl.nabij.seed.city;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * Loads a synthetic city into a running Neo4j: the application's embedded one over its Bolt connector, or any server
 * or cluster by {@code bolt://} or {@code neo4j://} URI. The application must have applied its migrations to that
 * database first (start it once), because the loader relies on the model's uniqueness constraints.
 *
 * <p>Safe to rerun after a crash or a kill: every committed batch left a {@code (:LoadBatch {run, number})} node in
 * its own transaction, and a rerun with the same seed and size regenerates the city and writes only the batches
 * without one. The run's {@code (:LoadProgress {id})} node holds its seed, size and batch size, and its completion;
 * a finished load run again changes nothing, and the batch nodes are removed then. One loader at a time per
 * database.
 *
 * <pre>
 * ops/load-city.sh --residents 220000 --uri bolt://127.0.0.1:7687
 * </pre>
 */
public final class CityLoader {

    static final String USAGE =
            """
            Loads a synthetic city into Neo4j.

              --residents N    residents in the city (default 220000, Almere-like; 18000000 is the Netherlands)
              --seed S         the random seed (default 34); the same seed and size give the same city
              --uri URI        bolt:// or neo4j:// address (default bolt://127.0.0.1:7687, the embedded database)
              --user NAME      user name; without it, no authentication (the embedded database)
              --password PW    password; or set NEO4J_PASSWORD
              --database NAME  database (default: the server's default database)
              --batch-size N   rows per write transaction (default 10000)
              --writers N      concurrent write transactions (default 2)
              --dry-run        generate only, write nothing, and print what would be written
            """;

    /** The labels of a loaded city's nodes, counted in the database at the end. */
    private static final List<String> LABELS = List.of(
            "Municipality",
            "District",
            "Neighbourhood",
            "Organisation",
            "Team",
            "Vindplaats",
            "Professional",
            "Household",
            "Resident",
            "Involvement",
            "Application");

    /** The constraints of graph-schema the loader depends on for its lookups and against a batch written twice. */
    private static final Set<String> REQUIRED_CONSTRAINTS = Set.of(
            "municipality_code_unique",
            "district_code_unique",
            "neighbourhood_code_unique",
            "household_id_unique",
            "resident_id_unique",
            "resident_pseudonym_unique",
            "organisation_id_unique",
            "professional_id_unique",
            "team_id_unique",
            "vindplaats_id_unique",
            "involvement_id_unique");

    private final Driver driver;
    private final String database;
    private final PrintStream out;

    public CityLoader(Driver driver, String database, PrintStream out) {
        this.driver = requireNonNull(driver, "driver");
        this.database = database;
        this.out = requireNonNull(out, "out");
    }

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, System.getenv("NEO4J_PASSWORD"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        CityGenerator generator = new CityGenerator(options.residents(), options.seed());
        if (options.dryRun()) {
            dryRun(generator, System.err);
            return;
        }
        var auth = options.user() == null
                ? AuthTokens.none()
                : AuthTokens.basic(options.user(), options.password() == null ? "" : options.password());
        // The progress bar is the loader's output; the driver's connection chatter would break its line.
        Config quiet = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver = GraphDatabase.driver(options.uri(), auth, quiet)) {
            driver.verifyConnectivity();
            new CityLoader(driver, options.database(), System.err)
                    .load(generator, options.batchSize(), options.writers());
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The load stopped: " + e.getMessage());
            System.err.println("Rerun the same command to continue after the last committed batch.");
            System.exit(1);
        }
    }

    /** Generates the city without writing it and reports the records by kind and how fast they came. */
    static Map<String, Long> dryRun(CityGenerator generator, PrintStream out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long started = System.nanoTime();
        generator.generate(counting(counts));
        double seconds = (System.nanoTime() - started) / 1e9;
        long records = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf(
                Locale.ROOT,
                "Generated %,d residents in %,d records in %.1f s (%,.0f records/s), writing nothing:%n",
                generator.residents(),
                records,
                seconds,
                records / seconds);
        counts.forEach((kind, count) -> out.printf(Locale.ROOT, "  %-14s %,d%n", kind, count));
        return counts;
    }

    /**
     * Writes the city, or what of it a previous run left unwritten.
     *
     * @return the records written by this run
     */
    public long load(CityGenerator generator, int batchSize, int writers) {
        String run = "city-" + generator.seed() + "-" + generator.residents();
        Resume resume;
        try (Session session = driver.session(sessionConfig())) {
            requireSchema(session);
            resume = resume(session, run, generator, batchSize);
        }
        if (resume.complete()) {
            out.println("City " + run + " is loaded already; nothing to do.");
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "Loading city %s: %,d residents in batches of %,d rows, %d writers%s%n",
                run,
                generator.residents(),
                resume.batchSize(),
                writers,
                resume.batchesWritten().isEmpty()
                        ? ""
                        : ", skipping the " + resume.batchesWritten().size() + " batches written before");
        ProgressBar progress = new ProgressBar(out, generator.residents(), System::nanoTime);
        Map<String, Long> counts = new LinkedHashMap<>();
        Consumer<CityRecord> counter = counting(counts);
        long batches;
        try (CityWriter writer = new CityWriter(
                driver, sessionConfig(), run, resume.batchSize(), writers, resume.batchesWritten(), progress)) {
            generator.generate(record -> {
                counter.accept(record);
                writer.accept(record);
            });
            writer.finish();
            batches = writer.batches();
        }
        progress.finish();
        try (Session session = driver.session(sessionConfig())) {
            session.executeWrite(tx -> tx.run(
                            """
                            MATCH (p:LoadProgress {id: $run})
                            SET p.completedAt = datetime(), p.batches = $batches
                            WITH p
                            MATCH (b:LoadBatch {run: $run})
                            DELETE b""",
                            Map.of("run", run, "batches", batches))
                    .consume());
            out.println("Generated: " + counts);
            out.println("In the database: " + labelCounts(session));
        }
        return progress.written();
    }

    private record Resume(Set<Long> batchesWritten, int batchSize, boolean complete) {}

    private Resume resume(Session session, String run, CityGenerator generator, int batchSize) {
        List<Record> progress = session.executeRead(tx -> tx.run(
                        """
                        MATCH (p:LoadProgress)
                        RETURN p.id AS id, p.batchSize AS batchSize, p.completedAt IS NOT NULL AS complete,
                               COLLECT { MATCH (b:LoadBatch {run: p.id}) RETURN b.number } AS written""")
                .list());
        for (Record record : progress) {
            if (!record.get("id").asString().equals(run)) {
                throw new IllegalStateException("This database holds another city ("
                        + record.get("id").asString() + "); load " + run + " into an empty database");
            }
            return new Resume(
                    Set.copyOf(record.get("written").asList(Value::asLong)),
                    record.get("batchSize").asInt(),
                    record.get("complete").asBoolean());
        }
        long present = session.executeRead(tx -> tx.run(
                        "MATCH (m:Municipality) WHERE m.code IN $codes RETURN count(m) AS present",
                        Map.of("codes", generator.municipalityCodes()))
                .single()
                .get("present")
                .asLong());
        if (present > 0) {
            throw new IllegalStateException(
                    "Municipality " + generator.municipalityCodes().get(0)
                            + " exists but no load progress does; load into an empty database");
        }
        session.executeWrite(tx -> tx.run(
                        """
                        CREATE (:LoadProgress {id: $run, seed: $seed, residents: $residents, batchSize: $batchSize,
                                               startedAt: datetime()})""",
                        Map.of(
                                "run",
                                run,
                                "seed",
                                generator.seed(),
                                "residents",
                                generator.residents(),
                                "batchSize",
                                batchSize))
                .consume());
        return new Resume(Set.of(), batchSize, false);
    }

    private static void requireSchema(Session session) {
        List<String> present = session.executeRead(tx -> tx.run("SHOW CONSTRAINTS YIELD name")
                .list(record -> record.get("name").asString()));
        Set<String> missing = new TreeSet<>(REQUIRED_CONSTRAINTS);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database lacks the model's constraints " + missing
                    + ": start the application against it once, so it applies its migrations, then load");
        }
    }

    private static Map<String, Long> labelCounts(Session session) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String label : LABELS) {
            Value count = session.executeRead(tx -> tx.run("MATCH (n:" + label + ") RETURN count(n) AS count")
                    .single()
                    .get("count"));
            counts.put(label, count.asLong());
        }
        return counts;
    }

    private SessionConfig sessionConfig() {
        return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    /** Counts records by kind, a household's members as residents. */
    static Consumer<CityRecord> counting(Map<String, Long> counts) {
        return record -> {
            counts.merge(record.getClass().getSimpleName(), 1L, Long::sum);
            if (record instanceof CityRecord.Household household) {
                counts.merge("Resident", (long) household.members().size(), Long::sum);
            }
        };
    }

    /** The command line, parsed. */
    record LoadOptions(
            int residents,
            long seed,
            String uri,
            String user,
            String password,
            String database,
            int batchSize,
            int writers,
            boolean dryRun,
            boolean help) {

        static LoadOptions parse(String[] args, String passwordFromEnvironment) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean dryRun = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--dry-run")) {
                    dryRun = true;
                } else if (arg.equals("--help") || arg.equals("-h")) {
                    help = true;
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("Unknown argument: " + arg);
                }
            }
            Set<String> known =
                    Set.of("residents", "seed", "uri", "user", "password", "database", "batch-size", "writers");
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("Unknown option: --" + name);
                }
            }
            int residents =
                    positive(values.getOrDefault("residents", "" + CityGenerator.DEFAULT_RESIDENTS), "residents");
            int batchSize = positive(values.getOrDefault("batch-size", "10000"), "batch-size");
            int writers = positive(values.getOrDefault("writers", "2"), "writers");
            String uri = values.getOrDefault("uri", "bolt://127.0.0.1:7687");
            if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://.+")) {
                throw new IllegalArgumentException("--uri must be a bolt:// or neo4j:// address");
            }
            long seed;
            try {
                seed = Long.parseLong(values.getOrDefault("seed", "" + CityGenerator.DEFAULT_SEED));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number");
            }
            return new LoadOptions(
                    residents,
                    seed,
                    uri,
                    values.get("user"),
                    values.getOrDefault("password", passwordFromEnvironment),
                    values.get("database"),
                    batchSize,
                    writers,
                    dryRun,
                    help);
        }

        private static int positive(String value, String name) {
            int number;
            try {
                number = Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number <= 0) {
                throw new IllegalArgumentException("--" + name + " must be a positive whole number");
            }
            return number;
        }
    }
}
