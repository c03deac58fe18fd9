package nl.nabij.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    /**
     * From the municipality's geography, never from its households: whether anyone Nabij holds lives at a postcode is
     * not for an anonymous form to tell.
     */
    private static final String NEIGHBOURHOOD_OF_POSTCODE =
            """
            MATCH (:PostcodeArea {code: left($postcode, 4)})-[:LIES_IN]->(n:Neighbourhood)
            RETURN n.code AS value LIMIT 1
            """;

    private static final String VINDPLAATS_EXISTS =
            "RETURN EXISTS { MATCH (:Vindplaats {id: $vindplaatsId}) } AS value";

    private static final String CREATE =
            """
            MATCH (n:Neighbourhood {code: $neighbourhood})
            CREATE (r:VolunteerRegistration {id: $id, name: $name, email: $email, phone: $phone, offers: $offers,
                    availability: $availability, consentToBeContacted: true, status: 'UNCONFIRMED',
                    createdAt: datetime(), confirmBefore: datetime($confirmBefore),
                    confirmationHash: $confirmationHash, personalHash: $personalHash, retryHash: $retryHash})-[:IN]->(n)
            WITH r, n
            OPTIONAL MATCH (existing:Vindplaats {id: $vindplaatsId})
            FOREACH (_ IN CASE WHEN existing IS NULL THEN [] ELSE [1] END | CREATE (r)-[:ACTS_FROM]->(existing))
            FOREACH (_ IN CASE WHEN $proposedName IS NULL THEN [] ELSE [1] END |
                CREATE (r)-[:ACTS_FROM]->(:Vindplaats {id: $proposedId, name: $proposedName, kind: 'INFORMAL',
                        category: $proposedCategory, status: 'PROPOSED'})-[:LOCATED_IN]->(n))
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /**
     * The registration a first call with the same key and the same person made: it gets a new personal link, since
     * the first one exists only as a hash.
     */
    private static final String RETRIED =
            """
            MATCH (r:VolunteerRegistration {retryHash: $retryHash})
            SET r.personalHash = $personalHash
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value, r.confirmationNotMailed IS NULL AS mailed
            """;

    private static final String HAND_TO_ADMINISTRATOR =
            "MATCH (r:VolunteerRegistration {id: $id}) SET r.confirmationNotMailed = true";

    /** A new confirmation link replaces the one that could not be mailed; the deadline stays. */
    private static final String ISSUE_CONFIRMATION_LINK =
            """
            MATCH (r:VolunteerRegistration {id: $id})
            WHERE r.status = 'UNCONFIRMED' AND r.confirmBefore > datetime($now)
            SET r.confirmationHash = $hash
            RETURN toString(r.confirmBefore) AS value
            """;

    private static final String CONFIRM =
            """
            MATCH (r:VolunteerRegistration {confirmationHash: $hash})
            WHERE r.status = 'UNCONFIRMED' AND r.confirmBefore > datetime($now)
            SET r.status = 'PENDING', r.confirmedAt = datetime($now)
            REMOVE r.confirmationHash, r.confirmationNotMailed
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    private static final String BY_PERSONAL_LINK =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /**
     * A correction. A new name, e-mail address or phone number of an approved volunteer is someone the team lead has
     * not approved: the registration goes back to review, and the certificate of conduct seen for the old identity no
     * longer counts.
     */
    private static final String CORRECT =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            WITH r, r.status = 'APPROVED'
                    AND (coalesce($name, r.name) <> r.name
                         OR coalesce($email, r.email, '') <> coalesce(r.email, '')
                         OR coalesce($phone, r.phone, '') <> coalesce(r.phone, '')) AS newIdentity
            SET r.name = coalesce($name, r.name), r.email = coalesce($email, r.email),
                r.phone = coalesce($phone, r.phone), r.offers = coalesce($offers, r.offers),
                r.availability = coalesce($availability, r.availability)
            FOREACH (_ IN CASE WHEN newIdentity THEN [1] ELSE [] END |
                SET r.status = 'PENDING', r.identityChangedAt = datetime(), r.vogCheckedOn = null,
                    r.reviewedAt = null, r.reviewedBy = null)
            RETURN r {.id, .name, .email, .phone, .offers, .availability, .status, .rejectionReason, .vogCheckedOn,
                      createdAt: toString(r.createdAt), connected: r.connectedAt IS NOT NULL,
                      neighbourhood: head([(r)-[:IN]->(n:Neighbourhood) | n {.code, .name}]),
                      place: head([(r)-[:ACTS_FROM]->(v:Vindplaats) | v {.id, .name, .category, status: coalesce(v.status, 'ACTIVE')}])} AS value
            """;

    /** The registration, and the place it proposed while it is still only a proposal of this registration. */
    private static final String DELETE =
            """
            MATCH (r:VolunteerRegistration {personalHash: $hash})
            OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats {status: 'PROPOSED'})
            WHERE NOT EXISTS { (v)<-[:ACTS_FROM]-(other:VolunteerRegistration) WHERE other <> r }
            DETACH DELETE r, v
            RETURN count(DISTINCT r) AS value
            """;

    private static final String EXPIRE =
            """
            MATCH (r:VolunteerRegistration) WHERE r.confirmBefore < datetime($now) AND r.status = 'UNCONFIRMED'
            OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats {status: 'PROPOSED'})
            WHERE NOT EXISTS { (v)<-[:ACTS_FROM]-(other:VolunteerRegistration) WHERE other <> r }
            DETACH DELETE r, v
            RETURN count(DISTINCT r) AS value
            """;

    private static final String UNCONFIRMED_FOR_ADMINISTRATOR =
            """
            MATCH (r:VolunteerRegistration {status: 'UNCONFIRMED'}) WHERE r.confirmationNotMailed
            RETURN r {.id, .name, .email, .phone, confirmBefore: toString(r.confirmBefore)} AS value
            ORDER BY r.confirmBefore
            """;

    private final Neo4jClient client;
    private final TransactionOperations transactions;
    private final RegistrationRateLimit rateLimit;
    private final JobLock jobLock;
    private final AuditTrail trail;
    private final ObjectProvider<JavaMailSender> mail;
    private final VolunteerProperties properties;
    private final Clock clock;
    private final String mailFrom;

    SelfRegistration(
            Neo4jClient client,
            TransactionOperations transactions,
            RegistrationRateLimit rateLimit,
            JobLock jobLock,
            AuditTrail trail,
            ObjectProvider<JavaMailSender> mail,
            VolunteerProperties properties,
            Clock clock,
            @Value("${nabij.notifications.mail-from}") String mailFrom) {
        this.mailFrom = mailFrom;
        this.client = client;
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
            Optional<Registered> retried = transactions.execute(status -> client.query(RETRIED)
                    .bindAll(Map.of("retryHash", retryHash, "personalHash", Digests.sha256(personal)))
                    .fetchAs(Registered.class)
                    .mappedBy((types, row) -> new Registered(
                            VolunteerRegistration.from(row.get("value")),
                            personalLink(personal),
                            row.get("mailed").asBoolean(),
                            List.of()))
                    .one());
            if (retried.isPresent()) {
                return retried.get();
            }
        }
        String postcode = RegistrationRules.postcode(input.postcode());
        Optional<String> neighbourhood = text(NEIGHBOURHOOD_OF_POSTCODE, Map.of("postcode", postcode));
        if (neighbourhood.isEmpty()) {
            errors.add(new InputError("postcode", "UNKNOWN_POSTCODE", "this postcode lies outside the municipality"));
        }
        String vindplaatsId = Ids.canonicalUuid(input.vindplaatsId());
        if (vindplaatsId != null
                && !client.query(VINDPLAATS_EXISTS)
                        .bindAll(Map.of("vindplaatsId", vindplaatsId))
                        .fetchAs(Boolean.class)
                        .one()
                        .orElse(false)) {
            errors.add(new InputError("vindplaatsId", "UNKNOWN_VINDPLAATS", "no vindplaats has this id"));
        }
        if (!errors.isEmpty()) {
            return Registered.failed(errors);
        }
        String confirmation = Links.newToken();
        String personal = Links.newToken();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("neighbourhood", neighbourhood.get());
        parameters.put("name", PlainText.normalized(input.name()));
        parameters.put("email", input.email() == null ? null : input.email().strip());
        parameters.put("phone", input.phone() == null ? null : input.phone().strip());
        parameters.put("offers", input.offers().stream().map(Offer::name).toList());
        parameters.put("availability", PlainText.normalized(input.availability()));
        parameters.put(
                "confirmBefore",
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                        .plus(properties.confirmWithin())
                        .toString());
        parameters.put("confirmationHash", Digests.sha256(confirmation));
        parameters.put("personalHash", Digests.sha256(personal));
        parameters.put("retryHash", retryHash);
        parameters.put("vindplaatsId", vindplaatsId);
        parameters.put("proposedId", UUID.randomUUID().toString());
        parameters.put(
                "proposedName",
                input.proposedPlace() == null
                        ? null
                        : PlainText.normalized(input.proposedPlace().name()));
        parameters.put(
                "proposedCategory",
                input.proposedPlace() == null ? null : input.proposedPlace().category());
        boolean honeypot = input.website() != null && !input.website().isEmpty();
        VolunteerRegistration registration = transactions.execute(status -> {
            VolunteerRegistration created = client.query(CREATE)
                    .bindAll(parameters)
                    .fetchAs(VolunteerRegistration.class)
                    .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                    .one()
                    .orElseThrow();
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
            transactions.executeWithoutResult(status -> client.query(HAND_TO_ADMINISTRATOR)
                    .bindAll(Map.of("id", registration.id()))
                    .run());
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
            Optional<String> issued =
                    text(ISSUE_CONFIRMATION_LINK, Map.of("id", id, "now", now(), "hash", Digests.sha256(token)));
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
                : transactions.execute(status -> client.query(CONFIRM)
                        .bindAll(Map.of("hash", Digests.sha256(token), "now", now()))
                        .fetchAs(VolunteerRegistration.class)
                        .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                        .one());
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
        return client.query(BY_PERSONAL_LINK)
                .bindAll(Map.of("hash", Digests.sha256(token)))
                .fetchAs(VolunteerRegistration.class)
                .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                .one();
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("hash", correction.token() == null ? "" : Digests.sha256(correction.token()));
        parameters.put("name", PlainText.normalized(correction.name()));
        parameters.put(
                "email", correction.email() == null ? null : correction.email().strip());
        parameters.put(
                "phone", correction.phone() == null ? null : correction.phone().strip());
        parameters.put(
                "offers",
                correction.offers() == null
                        ? null
                        : correction.offers().stream().map(Offer::name).toList());
        parameters.put("availability", PlainText.normalized(correction.availability()));
        return transactions
                .execute(status -> client.query(CORRECT)
                        .bindAll(parameters)
                        .fetchAs(VolunteerRegistration.class)
                        .mappedBy((types, row) -> VolunteerRegistration.from(row.get("value")))
                        .one())
                .map(registration -> new Changed(registration, List.of()))
                .orElseGet(() -> new Changed(null, List.of(unknownLink())));
    }

    /** Erases the registration of the personal link; false when the link is unknown. */
    boolean delete(String token) {
        if (token == null) {
            return false;
        }
        long deleted = transactions.execute(status -> client.query(DELETE)
                .bindAll(Map.of("hash", Digests.sha256(token)))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L));
        return deleted > 0;
    }

    List<Unconfirmed> unconfirmedForAdministrator() {
        return client
                .query(UNCONFIRMED_FOR_ADMINISTRATOR)
                .fetchAs(Unconfirmed.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Unconfirmed(
                            value.get("id").asString(),
                            value.get("name").asString(),
                            value.get("email").asString(null),
                            value.get("phone").asString(null),
                            value.get("confirmBefore").asString());
                })
                .all()
                .stream()
                .toList();
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
        return transactions.execute(status -> client.query(EXPIRE)
                .bindAll(Map.of("now", moment.atOffset(ZoneOffset.UTC).toString()))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L));
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

    private Optional<String> text(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .one();
    }

    private String now() {
        return clock.instant().atOffset(ZoneOffset.UTC).toString();
    }

    private static InputError unknownLink() {
        return new InputError("token", "UNKNOWN_LINK", "this personal link is unknown");
    }
}
