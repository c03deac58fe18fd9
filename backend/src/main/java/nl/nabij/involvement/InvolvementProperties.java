package nl.nabij.involvement;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long involvements live: active for a period after registration or renewal, then ended by the nightly job
 * unless renewed; removed altogether a period after they ended. And how often registering by address may miss.
 *
 * @param activePeriod how long a registration or renewal keeps an involvement active
 * @param keptAfterEnd how long an ended involvement is kept before it is removed
 * @param lifecycleCron when the nightly job runs (Spring cron, server time)
 * @param refusedByAddressPerHour how many registrations by address and member that found no single member a
 *     professional may make in one hour of the clock before the next ones are refused unanswered: guessing names at an
 *     address must not become a way to learn who lives there
 */
@ConfigurationProperties("nabij.involvement")
public record InvolvementProperties(
        @DefaultValue("P2Y") Period activePeriod,
        @DefaultValue("P5Y") Period keptAfterEnd,
        @DefaultValue("0 0 3 * * *") String lifecycleCron,
        @DefaultValue("10") int refusedByAddressPerHour) {}
