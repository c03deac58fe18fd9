package nl.nabij.support;

import java.util.Map;
import org.neo4j.driver.Driver;

/** Households a test made for itself, removed again so the suites after it find the shared database as it was. */
public final class TestHouseholds {

    private TestHouseholds() {}

    /** Removes the household with its members, every involvement with it or a member, its match and notifications. */
    public static void removeWithItsCircle(Driver driver, String householdId) {
        driver.executableQuery(
                        """
                        MATCH (h:Household {id: $household})
                        OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement)
                        OPTIONAL MATCH (m:Match)-[:ABOUT]->(h)
                        OPTIONAL MATCH (n:Notification {householdId: $household})
                        OPTIONAL MATCH (h)<-[:MEMBER_OF]-(r:Resident)
                        DETACH DELETE i, m, n, r, h
                        """)
                .withParameters(Map.of("household", householdId))
                .execute();
    }
}
