package nl.nabij.involvement;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly lifecycle of involvements: imported ones get an active period, active ones past it end as EXPIRED, and
 * ended ones are removed once {@code nabij.involvement.kept-after-end} has passed. {@link InvolvementLifecycleSchedule}
 * runs it every night; tests run it on the day they choose.
 */
@Component
@EnableConfigurationProperties(InvolvementProperties.class)
public class InvolvementLifecycle {

    private static final String ADOPT =
            """
            MATCH (i:Involvement {status: 'ACTIVE'}) WHERE i.expiresOn IS NULL
            SET i.expiresOn = $expiresOn
            RETURN count(i) AS value
            """;

    private static final String EXPIRE =
            """
            MATCH (i:Involvement) WHERE i.expiresOn < $today AND i.status = 'ACTIVE'
            SET i.status = 'ENDED', i.until = i.expiresOn, i.endReason = 'EXPIRED'
            REMOVE i.expiresOn
            RETURN count(i) AS value
            """;

    private static final String REMOVE =
            """
            MATCH (i:Involvement) WHERE i.until < $removeBefore AND i.status = 'ENDED'
            DETACH DELETE i
            RETURN count(i) AS value
            """;

    private final Neo4jClient client;
    private final InvolvementProperties properties;

    InvolvementLifecycle(Neo4jClient client, InvolvementProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** What one run changed. */
    public record Run(long adopted, long expired, long removed) {}

    /** Applies the lifecycle as it stands on {@code today}, in one transaction. */
    @Transactional
    public Run runOn(LocalDate today) {
        long adopted = adoptImported(today);
        long expired = count(EXPIRE, Map.of("today", today));
        long removed = count(REMOVE, Map.of("removeBefore", today.minus(properties.keptAfterEnd())));
        return new Run(adopted, expired, removed);
    }

    /**
     * Gives active involvements that arrived without an expiry (imports, the demo data) a full active period from
     * {@code today}: Nabij cannot know when they were last confirmed.
     */
    @Transactional
    public long adoptImported(LocalDate today) {
        return count(ADOPT, Map.of("expiresOn", today.plus(properties.activePeriod())));
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }
}
