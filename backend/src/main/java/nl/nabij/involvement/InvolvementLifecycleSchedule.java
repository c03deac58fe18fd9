package nl.nabij.involvement;

import java.time.Clock;
import java.time.LocalDate;
import nl.nabij.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the involvement lifecycle every night, on one app instance of the cluster. A bean of its own, so the call goes
 * through {@link InvolvementLifecycle}'s proxy and runs in the transaction {@code runOn} declares, as it does when a
 * test calls it; a call from within {@code InvolvementLifecycle} itself would bypass the proxy and run without one.
 */
@Component
class InvolvementLifecycleSchedule {

    private static final Logger log = LoggerFactory.getLogger(InvolvementLifecycleSchedule.class);

    private final InvolvementLifecycle lifecycle;
    private final JobLock lock;
    private final Clock clock;

    InvolvementLifecycleSchedule(InvolvementLifecycle lifecycle, JobLock lock, Clock clock) {
        this.lifecycle = lifecycle;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(cron = "${nabij.involvement.lifecycle-cron:0 0 3 * * *}")
    void nightly() {
        lock.runOnce("involvement-lifecycle", () -> lifecycle.runOn(LocalDate.now(clock)))
                .ifPresent(run -> log.info("Involvement lifecycle: {}", run));
    }
}
