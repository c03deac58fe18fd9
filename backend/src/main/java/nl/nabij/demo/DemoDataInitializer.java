package nl.nabij.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.nabij.database.SchemaMigrations;
import nl.nabij.involvement.InvolvementLifecycle;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.AccountService;
import nl.nabij.seed.DemoDataLoader;
import nl.nabij.seed.SeedData;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Loads the demo municipality, and one account per role (see {@link DemoAccounts}), when the database holds no
 * municipality yet; its active involvements get a full active period from that day; {@code nabij.demo-data.enabled=false}
 * turns this off. Runs after the schema migrations (it depends on them) and before the web server takes requests.
 *
 * <p>The load takes many transactions. A start killed in the middle ({@code kill -9}, a power cut) would leave a
 * municipality without the rest, and no later start would load it: the municipality is marked as loading before
 * anything else is written and unmarked when the accounts are there, and a start that finds the mark loads again
 * (every statement of the load merges, so loading twice changes nothing).
 *
 * <p>The demo accounts bypass the second administrator's approval (docs/explanation/separation-of-duties.md) and share a
 * published password, so this never runs in the {@code prod} profile, whatever {@code nabij.demo-data.enabled} says:
 * a production database that starts empty must not get them.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "nabij.demo-data.enabled", matchIfMissing = true)
class DemoDataInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);

    /** Whether to load: no municipality yet, or the demo's, marked as still loading by a start that did not finish. */
    private static final String TO_LOAD =
            """
            OPTIONAL MATCH (demo:Municipality {code: $code})
            RETURN NOT EXISTS { (:Municipality) } OR coalesce(demo.demoDataLoading, false) AS toLoad
            """;

    private static final String MARK_LOADING = "MERGE (m:Municipality {code: $code}) SET m.demoDataLoading = true";
    private static final String MARK_LOADED = "MATCH (m:Municipality {code: $code}) REMOVE m.demoDataLoading";

    private final Driver driver;
    private final Pseudonymiser pseudonymiser;
    private final AccountService accounts;
    private final InvolvementLifecycle lifecycle;
    private final Clock clock;

    DemoDataInitializer(
            SchemaMigrations appliedFirst,
            Driver driver,
            Pseudonymiser pseudonymiser,
            AccountService accounts,
            InvolvementLifecycle lifecycle,
            Clock clock) {
        this.driver = driver;
        this.pseudonymiser = pseudonymiser;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        SeedData seed = SeedData.fromClasspath();
        Map<String, Object> demo = Map.of("code", seed.municipality().code());
        boolean toLoad = driver.executableQuery(TO_LOAD)
                .withParameters(demo)
                .execute()
                .records()
                .getFirst()
                .get("toLoad")
                .asBoolean();
        if (!toLoad) {
            log.info("Demo data not loaded: the database already holds a municipality");
            return;
        }
        long started = System.nanoTime();
        driver.executableQuery(MARK_LOADING).withParameters(demo).execute();
        var report = new DemoDataLoader(driver, null, pseudonymiser::pseudonymise).load();
        DemoAccounts.users(seed)
                .forEach(user -> accounts.saveHashed(user, DemoAccounts.PASSWORD_HASHES.get(user.username())));
        lifecycle.adoptImported(LocalDate.now(clock));
        driver.executableQuery(MARK_LOADED).withParameters(demo).execute();
        log.info("Demo data loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, report);
    }
}
