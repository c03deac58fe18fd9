package nl.nabij.involvement;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    private final InvolvementQueries store;
    private final InvolvementProperties properties;

    InvolvementLifecycle(InvolvementQueries store, InvolvementProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** What one run changed. */
    public record Run(long adopted, long expired, long removed) {}

    /** Applies the lifecycle as it stands on {@code today}, in one transaction. */
    @Transactional
    public Run runOn(LocalDate today) {
        long adopted = adoptImported(today);
        long expired = store.expire(today);
        long removed = store.removeEndedBefore(today.minus(properties.keptAfterEnd()));
        return new Run(adopted, expired, removed);
    }

    /**
     * Gives active involvements that arrived without an expiry (imports, the demo data) a full active period from
     * {@code today}: Nabij cannot know when they were last confirmed.
     */
    @Transactional
    public long adoptImported(LocalDate today) {
        return store.adoptImported(today.plus(properties.activePeriod()));
    }
}
