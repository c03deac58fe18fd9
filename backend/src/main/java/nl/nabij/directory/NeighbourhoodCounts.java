package nl.nabij.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.nabij.jobs.JobLock;
import org.neo4j.driver.types.MapAccessor;
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

    private final DirectoryQueries queries;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final JobLock jobLock;

    NeighbourhoodCounts(DirectoryQueries queries, TransactionOperations transactions, Clock clock, JobLock jobLock) {
        this.queries = queries;
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
            List<String> codes = transactions.execute(status -> queries.allNeighbourhoodCodes());
            count(codes, YearMonth.now(clock).toString());
            return codes.size();
        });
    }

    private void count(List<String> codes, String month) {
        transactions.executeWithoutResult(status ->
                queries.countNeighbourhoods(codes, month, LocalDate.now(clock).toString()));
    }

    private Map<String, MapAccessor> read(List<String> codes, String month) {
        return transactions.execute(status -> queries.neighbourhoodCounts(codes, month));
    }
}
