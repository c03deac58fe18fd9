package nl.nabij.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first step of a shutdown (SIGTERM): readiness turns to {@code REFUSING_TRAFFIC}, so
 * {@code /actuator/health/readiness} answers 503, and the instance keeps serving for
 * {@code nabij.shutdown.drain-delay} while the load balancer notices. Only then does the web server's graceful
 * shutdown stop taking connections and let the requests in flight finish, and after that the database closes. It
 * stops in the highest phase, so before the web server's graceful shutdown, which runs in a lower one. A process that
 * never took traffic (the backup and restore commands) ends without waiting.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationContext context;
    private final Duration drainDelay;
    private volatile boolean running;
    private volatile boolean tookTraffic;

    ShutdownDrain(ApplicationContext context, @Value("${nabij.shutdown.drain-delay}") Duration drainDelay) {
        this.context = context;
        this.drainDelay = drainDelay;
    }

    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> change) {
        tookTraffic |= change.getState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!tookTraffic || drainDelay.isZero()) {
            return;
        }
        // Spring Boot reports this as the context starts closing; said again here, so it holds however we got here.
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness is REFUSING_TRAFFIC; serving {} more before the port closes", drainDelay);
        try {
            Thread.sleep(drainDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
