package nl.nabij.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Delivers notifications once the transaction that stored them has committed: live to subscribed professionals, and by
 * mail when SMTP is configured ({@code spring.mail.host}). Subscribers connected to another app instance get them
 * through that instance's {@link NotificationRelay}. A rolled-back registration delivers nothing; a delivery
 * that fails loses nothing, as the notification waits in the professional's inbox. Mails carry no personal data, only
 * the prompt to open Nabij.
 */
@Component
class NotificationPublisher {

    private static final Logger log = LoggerFactory.getLogger(NotificationPublisher.class);

    /** One notification for one professional, with where to mail it. */
    record Delivery(Notification notification, String professionalId, String email) {}

    private final Sinks.Many<Delivery> live = Sinks.many().multicast().directBestEffort();
    /** What went out live here lately, by notification and professional, so the relay does not send it twice. */
    private final Map<String, Instant> deliveredLive = new ConcurrentHashMap<>();

    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final Executor mailer = Executors.newVirtualThreadPerTaskExecutor();

    NotificationPublisher(
            ObjectProvider<JavaMailSender> mail, @Value("${nabij.notifications.mail-from}") String mailFrom) {
        this.mail = mail;
        this.mailFrom = mailFrom;
    }

    void afterCommit(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliveries.forEach(NotificationPublisher.this::deliver);
            }
        });
    }

    /** The live notifications of one professional, from now on. */
    Flux<Notification> liveFor(String professionalId) {
        return live.asFlux()
                .filter(delivery -> delivery.professionalId().equals(professionalId))
                .map(Delivery::notification);
    }

    boolean hasLiveSubscribers() {
        return live.currentSubscriberCount() > 0;
    }

    /**
     * A notification another instance stored and mailed: delivered live here unless it already was. The mail is the
     * other instance's to send.
     */
    void relay(Delivery delivery) {
        if (deliveredLive.putIfAbsent(key(delivery), Instant.now()) == null) {
            emit(delivery);
        }
    }

    void forgetDeliveredBefore(Instant moment) {
        deliveredLive.values().removeIf(delivered -> delivered.isBefore(moment));
    }

    private static String key(Delivery delivery) {
        return delivery.notification().id() + "/" + delivery.professionalId();
    }

    private void deliver(Delivery delivery) {
        if (deliveredLive.putIfAbsent(key(delivery), Instant.now()) == null) {
            emit(delivery);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && delivery.email() != null) {
            mailer.execute(() -> send(sender, delivery));
        }
    }

    private void emit(Delivery delivery) {
        // Serialised: the sink takes one emission at a time, and commits on other threads may deliver concurrently.
        synchronized (live) {
            live.tryEmitNext(delivery);
        }
    }

    private void send(JavaMailSender sender, Delivery delivery) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mailFrom);
        message.setTo(delivery.email());
        message.setSubject("Nabij: someone else is now involved with a household you help");
        message.setText("Another organisation is now involved with a household you help. Open Nabij and look at your"
                + " notifications to see who, and agree on who coordinates.\n\nThis mail holds no personal data on"
                + " purpose.");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn(
                    "Notification {} not mailed; it waits in the inbox",
                    delivery.notification().id(),
                    e);
        }
    }
}
