package nl.nabij.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.seed.DemoDataLoader;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@NabijIntegrationTest
class DemoDataTest {

    @Autowired
    Driver driver;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    DemoDataInitializer initializer;

    @Test
    void theDemoMunicipalityIsLoadedOnFirstStartAndLoadingItAgainChangesNothing() {
        Map<String, Object> before = graphCounts();
        SeedData seed = SeedData.fromClasspath();
        assertThat(before)
                .containsEntry("households", (long) seed.households().size())
                .containsEntry("involvements", (long) seed.involvements().size());

        new DemoDataLoader(driver, null, pseudonymiser::pseudonymise).load();

        assertThat(graphCounts()).isEqualTo(before);
    }

    @Test
    void aStartKilledWhileLoadingTheDemoLoadsItAgainOnTheNextStartAndTheDemoAccountsSignInAgain() {
        SeedData seed = SeedData.fromClasspath();
        String code = seed.municipality().code();
        NabijUser account = DemoAccounts.users(seed).getFirst();
        // What a start killed after the first of the load's transactions leaves: the municipality, marked as loading,
        // and the demo accounts not saved yet (here: one with a password that is not the demo's).
        driver.executableQuery("MATCH (m:Municipality {code: $code}) SET m.demoDataLoading = true")
                .withParameters(Map.of("code", code))
                .execute();
        driver.executableQuery("MATCH (a:Account {username: $username}) SET a.passwordHash = 'not-the-demo-password'")
                .withParameters(Map.of("username", account.username()))
                .execute();

        initializer.afterPropertiesSet();

        assertThat(driver.executableQuery(
                                """
                                MATCH (a:Account {username: $username}) RETURN a.passwordHash AS hash
                                """)
                        .withParameters(Map.of("username", account.username()))
                        .execute()
                        .records())
                .singleElement()
                .satisfies(row -> assertThat(row.get("hash").asString())
                        .isEqualTo(DemoAccounts.PASSWORD_HASHES.get(account.username())));
        assertThat(driver.executableQuery(
                                "MATCH (m:Municipality {code: $code}) RETURN m.demoDataLoading IS NULL AS loaded")
                        .withParameters(Map.of("code", code))
                        .execute()
                        .records()
                        .getFirst()
                        .get("loaded")
                        .asBoolean())
                .isTrue();
        assertThat(TestGraph.count(
                        driver,
                        "MATCH (h:Household) WHERE h.id IN $ids RETURN count(h)",
                        Map.of(
                                "ids",
                                seed.households().stream()
                                        .map(SeedData.Household::id)
                                        .toList())))
                .as("every household of the demo, once")
                .isEqualTo(seed.households().size());
        Map<String, Object> loaded = graphCounts();

        initializer.afterPropertiesSet();

        assertThat(graphCounts()).as("a later start leaves a loaded demo alone").isEqualTo(loaded);
    }

    @Test
    void residentsCarryAPseudonymAndNoBsn() {
        SeedData.Member member =
                SeedData.fromClasspath().households().get(0).members().get(0);
        var resident = driver.executableQuery("MATCH (r:Resident {id: $id}) RETURN properties(r) AS properties")
                .withParameters(Map.of("id", member.id()))
                .execute()
                .records()
                .get(0)
                .get("properties")
                .asMap();

        assertThat(resident).containsEntry("pseudonym", pseudonymiser.pseudonymise(member.bsn()));
        assertThat(resident.values()).doesNotContain(member.bsn());
        assertThat(resident).doesNotContainKey("bsn");
    }

    private Map<String, Object> graphCounts() {
        return driver.executableQuery(
                        """
                        CALL () { MATCH (n) RETURN count(n) AS nodes }
                        CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                        CALL () { MATCH (h:Household) RETURN count(h) AS households }
                        CALL () { MATCH (i:Involvement) RETURN count(i) AS involvements }
                        RETURN nodes, relationships, households, involvements
                        """)
                .execute()
                .records()
                .get(0)
                .asMap();
    }
}
