package nl.nabij.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Digests;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.jobs.JobLock;
import nl.nabij.security.NabijUser;
import nl.nabij.volunteer.VolunteerQueries.NewRegistration;
import nl.nabij.volunteer.VolunteerQueries.RegistrationCorrection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A volunteer's own side: registering without an account, confirming with the one-time link, and seeing, correcting
 * and deleting the registration with the personal link. The confirmation link goes out by mail when SMTP is
 * configured and the volunteer gave an address; otherwise, or when the mail fails, an administrator issues a new one
 * to pass on. Only the links' hashes are stored. Unconfirmed registrations are removed once their link has expired.
 * A registration that fills the honeypot is answered as if it were stored, and is not: a bot learns nothing.
 */
@Service
@EnableConfigurationProperties(VolunteerProperties.class)
class SelfRegistration {

    private static final Logger log = LoggerFactory.getLogger(SelfRegistration.class);

    private final VolunteerQueries store;
    private final TransactionOperations transactions;
    private final RegistrationRateLimit rateLimit;
    private final JobLock jobLock;
    private final AuditTrail trail;
    private final ObjectProvider<JavaMailSender> mail;
    private final VolunteerProperties properties;
    private final Clock clock;
    private final String mailFrom;

    SelfRegistration(
            VolunteerQueries store,
            TransactionOperations transactions,
            RegistrationRateLimit rateLimit,
            JobLock jobLock,
            AuditTrail trail,
            ObjectProvider<JavaMailSender> mail,
            VolunteerProperties properties,
            Clock clock,
            @Value("${nabij.notifications.mail-from}") String mailFrom) {
        this.mailFrom = mailFrom;
        this.store = store;
        this.transactions = transactions;
        this.rateLimit = rateLimit;
        this.jobLock = jobLock;
        this.trail = trail;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The result of registering: the registration, the personal link (shown this once), whether the confirmation
     * link was mailed, or the errors.
     */
    record Registered(
            VolunteerRegistration registration,
            String personalLink,
            boolean confirmationMailed,
            List<InputError> errors) {

        static Registered failed(List<InputError> errors) {
            return new Registered(null, null, false, errors);
        }
    }

    /** The result of a change through a link. */
    record Changed(VolunteerRegistration registration, List<InputError> errors) {}

    /** An unconfirmed registration whose link could not be mailed, for an administrator to issue one. */
    record Unconfirmed(String id, String name, String email, String phone, String confirmBefore) {}

    /** A confirmation link an administrator issued, shown this once; or the errors. */
    record IssuedLink(String confirmationLink, String confirmBefore, List<InputError> errors) {}

    Registered register(RegistrationInput input, String clientAddress) {
        if (!rateLimit.allow(clientAddress)) {
            return Registered.failed(List.of(new InputError(
                    "input", "RATE_LIMITED", "too many registrations from your address; try again in an hour")));
        }
        List<InputError> errors = new ArrayList<>(RegistrationRules.check(input));
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return Registered.failed(errors);
        }
        String retryHash = retryHash(input);
        if (retryHash != null) {
            String personal = Links.newToken();
            Optional<Registered> retried = transactions
                    .execute(status -> store.retried(retryHash, Digests.sha256(personal)))
                    .map(found -> new Registered(
                            found.registration(), personalLink(personal), found.confirmationMailed(), List.of()));
            if (retried.isPresent()) {
                return retried.get();
            }
        }
        String postcode = RegistrationRules.postcode(input.postcode());
        Optional<String> neighbourhood = store.neighbourhoodOfPostcodeArea(postcode);
        if (neighbourhood.isEmpty()) {
            errors.add(new InputError("postcode", "UNKNOWN_POSTCODE", "this postcode lies outside the municipality"));
        }
        String vindplaatsId = Ids.canonicalUuid(input.vindplaatsId());
        if (vindplaatsId != null && !store.vindplaatsExists(vindplaatsId)) {
            errors.add(new InputError("vindplaatsId", "UNKNOWN_VINDPLAATS", "no vindplaats has this id"));
        }
        if (!errors.isEmpty()) {
            return Registered.failed(errors);
        }
        String confirmation = Links.newToken();
        String personal = Links.newToken();
        NewRegistration newRegistration = new NewRegistration(
                UUID.randomUUID().toString(),
                neighbourhood.get(),
                PlainText.normalized(input.name()),
                input.email() == null ? null : input.email().strip(),
                input.phone() == null ? null : input.phone().strip(),
                input.offers().stream().map(Offer::name).toList(),
                PlainText.normalized(input.availability()),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                        .plus(properties.confirmWithin())
                        .toString(),
                Digests.sha256(confirmation),
                Digests.sha256(personal),
                retryHash,
                vindplaatsId,
                UUID.randomUUID().toString(),
                input.proposedPlace() == null
                        ? null
                        : PlainText.normalized(input.proposedPlace().name()),
                input.proposedPlace() == null ? null : input.proposedPlace().category());
        boolean honeypot = input.website() != null && !input.website().isEmpty();
        VolunteerRegistration registration = transactions.execute(status -> {
            VolunteerRegistration created = store.create(newRegistration);
            if (honeypot) {
                status.setRollbackOnly();
            }
            return created;
        });
        String personalLink = personalLink(personal);
        if (honeypot) {
            log.info("A registration filled the honeypot; it was answered as stored and not stored");
            return new Registered(
                    registration,
                    personalLink,
                    mail.getIfAvailable() != null && registration.email() != null,
                    List.of());
        }
        boolean mailed = mailed(registration, confirmationLink(confirmation), personalLink);
        if (!mailed) {
            transactions.executeWithoutResult(status -> store.handToAdministrator(registration.id()));
        }
        return new Registered(registration, personalLink, mailed, List.of());
    }

    private String personalLink(String token) {
        return properties.publicUrl() + "/volunteer/mine?token=" + token;
    }

    /**
     * What finds a registration again on a retry: the client's key with the person's name and contact details, hashed,
     * so a key alone, guessed or reused by someone else, finds nothing.
     */
    private static String retryHash(RegistrationInput input) {
        String key = ClientMutationIds.normalised(input.clientMutationId());
        if (key == null) {
            return null;
        }
        return Digests.sha256(String.join(
                "\n",
                key,
                PlainText.normalized(input.name()),
                input.email() == null ? "" : input.email().strip(),
                input.phone() == null ? "" : input.phone().strip()));
    }

    /**
     * Issues a new confirmation link for a registration whose link could not be mailed, for the administrator to pass
     * on; the link it replaces stops working. Only its hash is stored, so it is shown this once.
     */
    IssuedLink issueConfirmationLink(NabijUser administrator, String registrationId, String origin) {
        String id = Ids.canonicalUuid(registrationId);
        if (id == null) {
            return new IssuedLink(
                    null, null, List.of(new InputError("registrationId", "MALFORMED_ID", "registrationId is a UUID")));
        }
        String token = Links.newToken();
        Optional<String> confirmBefore = transactions.execute(status -> {
            Optional<String> issued = store.issueConfirmationLink(id, now(), Digests.sha256(token));
            issued.ifPresent(deadline -> trail.append(
                    administrator,
                    origin,
                    List.of(new AuditEntry(
                            "CHANGE", true, "volunteer-confirmation-link", "volunteer-administration", List.of()))));
            return issued;
        });
        return confirmBefore
                .map(deadline -> new IssuedLink(confirmationLink(token), deadline, List.of()))
                .orElseGet(() -> new IssuedLink(
                        null,
                        null,
                        List.of(new InputError(
                                "registrationId",
                                "NOT_UNCONFIRMED",
                                "no registration with this id waits for confirmation"))));
    }

    private String confirmationLink(String token) {
        return properties.publicUrl() + "/volunteer/confirm?token=" + token;
    }

    Changed confirm(String token) {
        Optional<VolunteerRegistration> confirmed = token == null
                ? Optional.empty()
                : transactions.execute(status -> store.confirm(Digests.sha256(token), now()));
        return confirmed
                .map(registration -> new Changed(registration, List.of()))
                .orElseGet(() -> new Changed(
                        null,
                        List.of(new InputError(
                                "token", "UNKNOWN_OR_EXPIRED_LINK", "this link is unknown, used or expired"))));
    }

    Optional<VolunteerRegistration> byPersonalLink(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return store.byPersonalHash(Digests.sha256(token));
    }

    /** The input of a correction through the personal link; fields left out keep their value. */
    record Correction(String token, String name, String email, String phone, List<Offer> offers, String availability) {}

    Changed correct(Correction correction) {
        List<InputError> errors = new ArrayList<>(
                RegistrationRules.contactErrors(correction.name(), correction.email(), correction.phone(), false));
        if (correction.offers() != null) {
            errors.addAll(RegistrationRules.offerErrors(correction.offers()));
        }
        errors.addAll(RegistrationRules.availabilityErrors(correction.availability()));
        if (!errors.isEmpty()) {
            return new Changed(null, errors);
        }
        RegistrationCorrection change = new RegistrationCorrection(
                correction.token() == null ? "" : Digests.sha256(correction.token()),
                PlainText.normalized(correction.name()),
                correction.email() == null ? null : correction.email().strip(),
                correction.phone() == null ? null : correction.phone().strip(),
                correction.offers() == null
                        ? null
                        : correction.offers().stream().map(Offer::name).toList(),
                PlainText.normalized(correction.availability()));
        return transactions
                .execute(status -> store.correct(change))
                .map(registration -> new Changed(registration, List.of()))
                .orElseGet(() -> new Changed(null, List.of(unknownLink())));
    }

    /** Erases the registration of the personal link; false when the link is unknown. */
    boolean delete(String token) {
        if (token == null) {
            return false;
        }
        long deleted = transactions.execute(status -> store.deleteByPersonalHash(Digests.sha256(token)));
        return deleted > 0;
    }

    List<Unconfirmed> unconfirmedForAdministrator() {
        return store.unconfirmedForAdministrator();
    }

    @Scheduled(cron = "${nabij.volunteer.expiry-cron:0 15 * * * *}")
    void removeExpired() {
        jobLock.runOnce("volunteer-expiry", () -> {
                    rateLimit.removeExpiredAt(clock.instant());
                    return removeExpiredAt(clock.instant());
                })
                .filter(removed -> removed > 0)
                .ifPresent(
                        removed -> log.info("Removed {} volunteer registrations that were never confirmed", removed));
    }

    /** Removes the registrations whose confirmation link had expired at {@code moment}; returns how many. */
    long removeExpiredAt(Instant moment) {
        return transactions.execute(status ->
                store.removeUnconfirmedExpiredAt(moment.atOffset(ZoneOffset.UTC).toString()));
    }

    private boolean mailed(VolunteerRegistration registration, String confirmationLink, String personalLink) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || registration.email() == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mailFrom);
        message.setTo(registration.email());
        message.setSubject("Nabij: confirm your registration as a volunteer");
        message.setText("Hello " + registration.name() + ",\n\nConfirm your registration within "
                + properties.confirmWithin().toHours() + " hours:\n" + confirmationLink
                + "\n\nWith this personal link you can see, correct or delete your registration at any time:\n"
                + personalLink + "\n\nKeep it to yourself. If you did not register, ignore this mail: without"
                + " confirmation the registration is removed.");
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn(
                    "Confirmation of registration {} not mailed; an administrator can pass it on",
                    registration.id(),
                    e);
            return false;
        }
    }

    private String now() {
        return clock.instant().atOffset(ZoneOffset.UTC).toString();
    }

    private static InputError unknownLink() {
        return new InputError("token", "UNKNOWN_LINK", "this personal link is unknown");
    }
}
