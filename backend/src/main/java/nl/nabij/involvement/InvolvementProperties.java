package nl.nabij.involvement;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long involvements live: active for a period after registration or renewal, then ended by the nightly job
 * unless renewed; removed altogether a period after they ended.
 *
 * @param activePeriod how long a registration or renewal keeps an involvement active
 * @param keptAfterEnd how long an ended involvement is kept before it is removed
 * @param lifecycleCron when the nightly job runs (Spring cron, server time)
 */
@ConfigurationProperties("nabij.involvement")
public record InvolvementProperties(
        @DefaultValue("P2Y") Period activePeriod,
        @DefaultValue("P5Y") Period keptAfterEnd,
        @DefaultValue("0 0 3 * * *") String lifecycleCron) {}
