package nl.nabij.audit;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long audit events are kept. NEN 7513 asks for at least five years, so a shorter retention stops the
 * application at start-up instead of silently removing events too early.
 *
 * @param retention how long an event is kept after it was written; at least {@code P5Y}
 * @param purgeCron when the events older than the retention are removed (Spring cron, server time)
 */
@ConfigurationProperties("nabij.audit")
public record AuditProperties(@DefaultValue("P5Y") Period retention, @DefaultValue("0 30 3 * * *") String purgeCron) {

    static final Period SHORTEST_RETENTION = Period.ofYears(5);

    public AuditProperties {
        LocalDate from = LocalDate.of(2000, 1, 1);
        if (from.plus(retention).isBefore(from.plus(SHORTEST_RETENTION))) {
            throw new IllegalArgumentException("nabij.audit.retention is " + retention
                    + ", but audit events are kept at least " + SHORTEST_RETENTION + " (NEN 7513)");
        }
    }
}
