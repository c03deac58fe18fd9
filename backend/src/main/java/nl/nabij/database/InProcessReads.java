package nl.nabij.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.types.MapAccessor;

/**
 * Runs a read statement inside the embedded database's own process, without Bolt: a bean only when the database is
 * embedded. Its rows reach the mapper as the driver's values, so one mapper serves both ways of reading.
 */
public interface InProcessReads {

    /** Every row of {@code cypher}, mapped, read in a transaction of its own that ends after {@code timeout}. */
    <T> List<T> execute(
            String cypher, Map<String, Object> parameters, Function<MapAccessor, T> rowMapper, Duration timeout);
}
