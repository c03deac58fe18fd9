package nl.nabij.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.nabij.jobs.JobLock;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The neighbourhood statistics, counted once a month and kept as a {@code NeighbourhoodCount} per neighbourhood and
 * month. Counting the present on every read let two reads a day apart differ by that day's one new household or
 * involvement; every read in a month now gets the same counts. A job counts every neighbourhood on the first of the
 * month; a month that has no count yet (a new installation, a new neighbourhood) is counted on its first read and kept.
 */
@Component
class NeighbourhoodCounts {

    /**
     * Per neighbourhood: its households, and per household the active involvements on it or a member and the
     * organisations behind them, folded into counts.
     */
    private static final String COUNT =
            """
            UNWIND $codes AS code
            MATCH (n:Neighbourhood {code: code})
            OPTIONAL MATCH (n)<-[:LOCATED_IN]-(h:Household)
            CALL (h) {
              OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-(target)<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                    -[:ON_BEHALF_OF]->(o:Organisation)
              RETURN count(DISTINCT i) AS involvements, count(DISTINCT o) AS organisations,
                     COUNT { (h)<-[:MEMBER_OF]-(:Resident) } AS residents,
                     EXISTS { (h)<-[:COORDINATES]-(:Professional) } AS coordinated
            }
            WITH code, h, involvements, organisations, residents, coordinated
            WITH code, {
                   households: count(h),
                   residents: sum(residents),
                   householdsWithInvolvement: count(CASE WHEN involvements > 0 THEN h END),
                   activeInvolvements: sum(involvements),
                   threeOrMore: count(CASE WHEN organisations >= 3 THEN h END),
                   threeOrMoreWithoutCoordinator: count(CASE WHEN organisations >= 3 AND NOT coordinated THEN h END)
                 } AS figures
            MERGE (c:NeighbourhoodCount {key: code + '/' + $month})
            ON CREATE SET c += figures, c.neighbourhood = code, c.month = $month, c.countedOn = date($today)
            """;

    private static final String READ =
            """
            UNWIND $codes AS code
            MATCH (c:NeighbourhoodCount {key: code + '/' + $month})
            RETURN code, c {.*} AS value
            """;

    private static final String ALL_NEIGHBOURHOODS = "MATCH (n:Neighbourhood) RETURN n.code AS code";

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final JobLock jobLock;

    NeighbourhoodCounts(Neo4jClient client, TransactionOperations transactions, Clock clock, JobLock jobLock) {
        this.client = client;
        this.transactions = transactions;
        this.clock = clock;
        this.jobLock = jobLock;
    }

    /** This month's counts of the given neighbourhoods, counting those that have none yet. */
    <P, T> Map<P, T> ofThisMonth(
            Collection<P> neighbourhoods, Function<P, String> codeOf, Function<MapAccessor, T> mapper) {
        String month = YearMonth.now(clock).toString();
        Map<String, MapAccessor> counted =
                read(neighbourhoods.stream().map(codeOf).toList(), month);
        List<String> missing = neighbourhoods.stream()
                .map(codeOf)
                .filter(code -> !counted.containsKey(code))
                .toList();
        if (!missing.isEmpty()) {
            // MERGE keeps the first count when two readers count the same month at once; both then read that one.
            count(missing, month);
            counted.putAll(read(missing, month));
        }
        Map<P, T> result = new HashMap<>();
        for (P neighbourhood : neighbourhoods) {
            MapAccessor value = counted.get(codeOf.apply(neighbourhood));
            if (value != null) {
                result.put(neighbourhood, mapper.apply(value));
            }
        }
        return result;
    }

    /** Counts every neighbourhood for the month that begins, on one app instance of the cluster. */
    @Scheduled(cron = "${nabij.statistics.count-cron:0 5 0 1 * *}")
    void countTheNewMonth() {
        jobLock.runOnce("neighbourhood-count", () -> {
            List<String> codes = transactions.execute(status -> new ArrayList<>(client.query(ALL_NEIGHBOURHOODS)
                    .fetchAs(String.class)
                    .mappedBy((types, row) -> row.get("code").asString())
                    .all()));
            count(codes, YearMonth.now(clock).toString());
            return codes.size();
        });
    }

    private void count(List<String> codes, String month) {
        transactions.executeWithoutResult(status -> client.query(COUNT)
                .bindAll(Map.of(
                        "codes",
                        codes,
                        "month",
                        month,
                        "today",
                        LocalDate.now(clock).toString()))
                .run());
    }

    private Map<String, MapAccessor> read(List<String> codes, String month) {
        Map<String, MapAccessor> counted = new HashMap<>();
        transactions.executeWithoutResult(status -> client.query(READ)
                .bindAll(Map.of("codes", codes, "month", month))
                .fetchAs(Map.Entry.class)
                .mappedBy((types, row) -> Map.entry(row.get("code").asString(), row.get("value")))
                .all()
                .forEach(entry -> counted.put((String) entry.getKey(), (MapAccessor) entry.getValue())));
        return counted;
    }
}
