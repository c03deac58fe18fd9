package nl.nabij.support;

import java.util.Map;
import org.neo4j.driver.Driver;

/** Reading the shared test database directly, to see what an operation left behind. */
public final class TestGraph {

    private TestGraph() {}

    /** The single number a counting statement returns. */
    public static long count(Driver driver, String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher)
                .withParameters(parameters)
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }
}
