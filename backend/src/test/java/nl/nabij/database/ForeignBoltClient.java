package nl.nabij.database;

import org.neo4j.driver.GraphDatabase;

/**
 * A Bolt client that is not the application: run in its own JVM by {@link ForeignBoltClientTest}, it reads the
 * embedded database the way Neo4j's own tools or any other program would.
 */
public final class ForeignBoltClient {

    private ForeignBoltClient() {}

    public static void main(String[] args) {
        try (var driver = GraphDatabase.driver(args[0])) {
            var record = driver.executableQuery(
                            """
                            MATCH (h:Household) WITH count(h) AS households
                            MATCH (p:Professional) RETURN households, count(p) AS professionals
                            """)
                    .execute()
                    .records()
                    .get(0);
            System.out.println("households=" + record.get("households").asLong());
            System.out.println("professionals=" + record.get("professionals").asLong());
        }
    }
}
