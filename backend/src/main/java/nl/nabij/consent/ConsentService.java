package nl.nabij.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting and withdrawing consent. The input is checked whole first; with any error nothing is written. A change is
 * written with its audit event in one transaction. A grant first locks the resident's node, which serialises their
 * grants, so a retry with the same {@code clientMutationId} finds the consent the first call gave instead of giving a
 * second; it returns that consent as it is now, which is the resident's own data.
 */
@Service
class ConsentService {

    private static final int LONGEST_PURPOSE = 200;
    private static final int SHORTEST_PURPOSE = 3;
    private static final int LONGEST_TERM_YEARS = 5;

    private static final String EXISTS =
            """
            RETURN EXISTS { MATCH (:Professional {id: $professionalId}) } AS professional,
                   EXISTS { MATCH (:Organisation {id: $organisationId}) } AS organisation
            """;

    private static final String LOCK_RESIDENT =
            """
            MATCH (r:Resident {id: $resident})
            SET r.granting = true
            REMOVE r.granting
            """;

    private static final String REPLAY =
            """
            MATCH (r:Resident {id: $resident})<-[:GIVEN_BY]-(c:Consent {clientMutationId: $clientMutationId})
            MATCH (r)-[m:MEMBER_OF]->(:Household)
            RETURN c {.id, .purpose, .until, .withdrawnAt,
                      professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                      organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                      givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value, r.pseudonym AS pseudonym
            """;

    private static final String GRANT =
            """
            MATCH (r:Resident {id: $resident})-[m:MEMBER_OF]->(:Household)
            OPTIONAL MATCH (p:Professional {id: $professionalId})
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            CREATE (c:Consent {id: $id, purpose: $purpose, until: $until, grantedAt: datetime(),
                               clientMutationId: $clientMutationId})-[:GIVEN_BY]->(r)
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (c)-[:TO]->(p))
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (c)-[:TO]->(o))
            WITH c, r, m
            RETURN c {.id, .purpose, .until, .withdrawnAt,
                      professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                      organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                      givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value, r.pseudonym AS pseudonym
            """;

    private static final String WITHDRAW =
            """
            MATCH (c:Consent {id: $id})-[:GIVEN_BY]->(r:Resident {id: $resident})-[m:MEMBER_OF]->(:Household)
            WITH c, r, m, c.withdrawnAt IS NOT NULL AS alreadyWithdrawn
            SET c.withdrawnAt = coalesce(c.withdrawnAt, datetime())
            RETURN c {.id, .purpose, .until, .withdrawnAt,
                      professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                      organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                      givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value, r.pseudonym AS pseudonym, alreadyWithdrawn
            """;

    private final Neo4jClient client;
    private final AuditTrail trail;
    private final Clock clock;

    ConsentService(Neo4jClient client, AuditTrail trail, Clock clock) {
        this.client = client;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of a mutation: the consent, or the errors that stopped it. */
    record Payload(Consent consent, List<InputError> errors) {

        static Payload failed(List<InputError> errors) {
            return new Payload(null, errors);
        }
    }

    @Transactional
    Payload grant(NabijUser resident, GrantConsentInput input, String origin) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("resident", resident.residentId());
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        parameters.put("clientMutationId", clientMutationId);
        if (clientMutationId != null
                && ClientMutationIds.problem(clientMutationId).isEmpty()) {
            client.query(LOCK_RESIDENT).bindAll(parameters).run();
            Optional<Written> replayed = write(REPLAY, parameters);
            if (replayed.isPresent()) {
                return recorded(replayed.get(), resident, origin, "READ", "consent-grant-retry");
            }
        }
        List<InputError> errors = check(input);
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("professionalId", Ids.canonicalUuid(input.professionalId()));
        parameters.put("organisationId", Ids.canonicalUuid(input.organisationId()));
        parameters.put("purpose", input.purpose().strip());
        parameters.put("until", input.until());
        Written written =
                write(GRANT, parameters).orElseThrow(() -> new IllegalStateException("the resident has no household"));
        return recorded(written, resident, origin, "CHANGE", "consent-grant");
    }

    @Transactional
    Payload withdraw(NabijUser resident, String consentId, String origin) {
        String id = Ids.canonicalUuid(consentId);
        if (id == null) {
            return Payload.failed(List.of(new InputError("consentId", "MALFORMED_ID", "consentId must be a UUID")));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("resident", resident.residentId());
        Optional<Written> written = write(WITHDRAW, parameters);
        if (written.isEmpty()) {
            // Someone else's consent reads as unknown: whether it exists is not the asker's business.
            return Payload.failed(
                    List.of(new InputError("consentId", "UNKNOWN_CONSENT", "you have given no consent with this id")));
        }
        if (written.get().alreadyWithdrawn()) {
            return Payload.failed(
                    List.of(new InputError("consentId", "ALREADY_WITHDRAWN", "this consent was withdrawn before")));
        }
        return recorded(written.get(), resident, origin, "CHANGE", "consent-withdraw");
    }

    /** A consent as a mutation left it, with the pseudonym its audit event names. */
    private record Written(Consent consent, String pseudonym, boolean alreadyWithdrawn) {}

    private Optional<Written> write(String cypher, Map<String, Object> parameters) {
        LocalDate today = LocalDate.now(clock);
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Written.class)
                .mappedBy((types, row) -> new Written(
                        Consent.from(row.get("value"), today),
                        row.get("pseudonym").asString(),
                        row.get("alreadyWithdrawn").asBoolean(false)))
                .one();
    }

    private Payload recorded(Written written, NabijUser user, String origin, String action, String purpose) {
        trail.append(
                user, origin, List.of(new AuditEntry(action, true, purpose, "own-data", List.of(written.pseudonym()))));
        return new Payload(written.consent(), List.of());
    }

    private List<InputError> check(GrantConsentInput input) {
        List<InputError> errors = new ArrayList<>();
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        boolean toProfessional = input.professionalId() != null;
        boolean toOrganisation = input.organisationId() != null;
        if (toProfessional == toOrganisation) {
            errors.add(new InputError(
                    "professionalId",
                    "ONE_RECIPIENT",
                    "give either professionalId or organisationId, not both or none"));
        } else if (toProfessional && Ids.canonicalUuid(input.professionalId()) == null) {
            errors.add(new InputError("professionalId", "MALFORMED_ID", "professionalId must be a UUID"));
        } else if (toOrganisation && Ids.canonicalUuid(input.organisationId()) == null) {
            errors.add(new InputError("organisationId", "MALFORMED_ID", "organisationId must be a UUID"));
        } else {
            Map<String, Object> ids = new HashMap<>();
            ids.put("professionalId", Ids.canonicalUuid(input.professionalId()));
            ids.put("organisationId", Ids.canonicalUuid(input.organisationId()));
            Map<String, Object> found =
                    client.query(EXISTS).bindAll(ids).fetch().one().orElseThrow();
            if (toProfessional && !(Boolean) found.get("professional")) {
                errors.add(new InputError("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
            }
            if (toOrganisation && !(Boolean) found.get("organisation")) {
                errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
            }
        }
        String purpose = input.purpose() == null ? "" : input.purpose().strip();
        if (purpose.length() < SHORTEST_PURPOSE || purpose.length() > LONGEST_PURPOSE) {
            errors.add(new InputError(
                    "purpose",
                    "PURPOSE_LENGTH",
                    "purpose is " + SHORTEST_PURPOSE + " to " + LONGEST_PURPOSE + " characters"));
        } else if (!PlainText.isPlain(purpose)) {
            errors.add(new InputError(
                    "purpose",
                    "PURPOSE_CHARACTERS",
                    "purpose is plain text: no control or invisible characters, < or >"));
        }
        LocalDate today = LocalDate.now(clock);
        if (!input.until().isAfter(today)) {
            errors.add(new InputError("until", "UNTIL_NOT_IN_FUTURE", "until must be after today"));
        } else if (input.until().isAfter(today.plusYears(LONGEST_TERM_YEARS))) {
            errors.add(new InputError(
                    "until", "UNTIL_TOO_FAR", "until is at most " + LONGEST_TERM_YEARS + " years ahead"));
        }
        return errors;
    }
}
