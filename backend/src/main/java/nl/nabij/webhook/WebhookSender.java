package nl.nabij.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import nl.nabij.jobs.JobLock;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends the outbox's due webhooks on one app instance at a time (the job lock), each attempt with its own timeout, and
 * forgets delivered ones once their keeping time ends. A 2xx answer delivers. A network error, a timeout, 408, 429 and 5xx are tried again after a wait that doubles each
 * time, less up to half at random so that receivers coming back are not all called at once; a receiver's
 * Retry-After decides the wait instead. After the last attempt, or at once on any other answer (a 410 Gone, a 401),
 * the delivery becomes a dead letter. What time it is comes from the clock, so tests move it instead of sleeping.
 */
@Component
class WebhookSender {

    static final String JOB = "webhook-sender";
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";

    /** Delivered webhooks forgotten per round: rounds are seconds apart, so any backlog is gone within minutes. */
    private static final int FORGET_AT_ONCE = 1000;

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookQueries queries;
    private final WebhookSecrets secrets;
    private final JobLock lock;
    private final TransactionOperations transactions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private boolean failing;

    WebhookSender(
            WebhookQueries queries,
            WebhookSecrets secrets,
            JobLock lock,
            TransactionOperations transactions,
            WebhookProperties properties,
            Clock clock) {
        this.queries = queries;
        this.secrets = secrets;
        this.lock = lock;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${nabij.webhooks.send-interval:5s}")
    void sendDue() {
        try {
            round();
            failing = false;
        } catch (DataAccessException | TransactionException | Neo4jException e) {
            if (!failing) {
                log.warn("Cannot send webhooks now; they wait in the outbox: {}", e.getMessage());
                failing = true;
            }
        }
    }

    /**
     * One round: the due deliveries, a batch at most, each attempted once; how many were attempted, or empty when
     * another instance is sending.
     */
    Optional<Integer> round() {
        // Most rounds find nothing due: they read and write nothing, not even the lock, on every instance.
        if (!queries.anythingDue(clock.instant())) {
            return Optional.of(0);
        }
        // Held long enough for a batch of attempts that all time out; free again as soon as the round ends.
        Duration lease = properties.timeout().multipliedBy(properties.batch() + 1L);
        return lock.runOnce(JOB, lease, Duration.ZERO, this::sendBatch);
    }

    private int sendBatch() {
        transactions.executeWithoutResult(status -> queries.forget(clock.instant(), FORGET_AT_ONCE));
        List<WebhookQueries.Due> due = transactions.execute(status -> queries.due(clock.instant(), properties.batch()));
        if (due == null) {
            return 0;
        }
        due.forEach(this::attempt);
        return due.size();
    }

    /** What one attempt came to: the HTTP status if the receiver answered, and whether to try again. */
    private record Outcome(Integer status, boolean retry, String error, Duration retryAfter) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private void attempt(WebhookQueries.Due delivery) {
        Outcome outcome = delivery.url() == null
                ? new Outcome(null, false, "the organisation has no webhook subscription", null)
                : post(delivery);
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        String status;
        Instant next = null;
        if (outcome.delivered()) {
            status = DELIVERED;
            next = now.plus(properties.keepDelivered());
        } else if (outcome.retry() && attempts < properties.maxAttempts()) {
            status = PENDING;
            next = now.plus(wait(attempts, outcome.retryAfter()));
        } else {
            status = DEAD;
            log.warn(
                    "Webhook {} is a dead letter after {} attempts: {}",
                    delivery.id(),
                    attempts,
                    outcome.error() == null ? "HTTP " + outcome.status() : outcome.error());
        }
        String recorded = status;
        Instant dueAt = next;
        transactions.executeWithoutResult(
                tx -> queries.record(delivery.id(), recorded, attempts, dueAt, now, outcome.status(), outcome.error()));
    }

    private Outcome post(WebhookQueries.Due delivery) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.timeout())
                .header("Content-Type", MatchEvents.CONTENT_TYPE + "; charset=utf-8")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.sign(
                                secrets.open(delivery.secret()), delivery.id(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            boolean retry = code == 408 || code == 429 || code >= 500;
            return new Outcome(
                    code,
                    retry,
                    code >= 200 && code < 300 ? null : "HTTP " + code,
                    retryAfter(response.headers().firstValue("Retry-After")));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, true, "no answer within " + properties.timeout(), null);
        } catch (IOException e) {
            return new Outcome(null, true, "network error: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, true, "interrupted", null);
        }
    }

    /**
     * The wait before attempt {@code attempts + 1}: the first retry's wait doubled for each attempt since, at most the
     * longest, of which a random part up to half is left off; or what the receiver asked, up to the longest.
     */
    private Duration wait(int attempts, Duration retryAfter) {
        Duration longest = properties.longestRetry();
        if (retryAfter != null) {
            return retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        Duration full = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 30));
        if (full.compareTo(longest) > 0 || full.isNegative()) {
            full = longest;
        }
        long half = full.toMillis() / 2;
        return full.minusMillis(ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Retry-After as seconds or as an HTTP date; absent when missing or unreadable. */
    private Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
