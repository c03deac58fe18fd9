package nl.nabij.brp;

import nl.nabij.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the BRP sync every night on one app instance of the cluster ({@link JobLock}). */
@Component
@ConditionalOnBooleanProperty("nabij.brp.enabled")
class BrpSyncSchedule {

    private static final Logger log = LoggerFactory.getLogger(BrpSyncSchedule.class);

    private final BrpSync sync;
    private final JobLock lock;

    BrpSyncSchedule(BrpSync sync, JobLock lock) {
        this.sync = sync;
        this.lock = lock;
    }

    @Scheduled(cron = "${nabij.brp.sync.cron:0 30 2 * * *}")
    void nightly() {
        try {
            lock.runOnce("brp-sync", sync::everyHousehold).ifPresent(run -> log.info("BRP sync: {}", run.report()));
        } catch (BrpException e) {
            // What was synced before the failure stays; the next night starts again from the first household.
            log.warn("BRP sync stopped: {}", e.getMessage());
        }
    }
}
