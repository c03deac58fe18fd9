package nl.nabij.involvement;

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
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.resident.ResidentLookup;
import nl.nabij.security.HouseholdScope;
import nl.nabij.security.NabijUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, ending and renewing involvements, each with its audit event in one transaction. Input is checked whole
 * first; with any error nothing is written. A registration first locks the professional's node (a property set and
 * removed again: the lock stays until the end of the transaction, the node is unchanged), which serialises
 * their registrations: a retry that races the first call finds what it made instead of making a second one. A new
 * involvement is published as {@link InvolvementRegistered} within the transaction.
 */
@Service
class InvolvementRegistry {

    /** One involvement as {@link Involvement#from} reads it, with the pseudonyms of the residents it concerns. */
    private static final String READ =
            """
            MATCH (p:Professional)-[:REGISTERED]->(i:Involvement {id: $id})-[:ON_BEHALF_OF]->(o:Organisation)
            OPTIONAL MATCH (i)-[:VIA]->(t:Team)
            OPTIONAL MATCH (i)-[:CONCERNS]->(r:Resident)-[m:MEMBER_OF]->(:Household)
            RETURN {id: i.id, domain: i.domain, since: i.since, until: i.until, status: i.status,
                    expiresOn: i.expiresOn, endReason: i.endReason,
                    professional: p {.id, .name, .discipline}, organisation: o {.id, .name, .kind, .careLine},
                    team: t {.id, .name},
                    resident: CASE WHEN r IS NULL OR NOT $withResident THEN null
                                  ELSE r {.id, .displayName, .birthYear, role: m.role} END
                   } AS value,
                   CASE WHEN r IS NULL
                        THEN [(i)-[:CONCERNS]->(:Household)<-[:MEMBER_OF]-(x:Resident) | x.pseudonym]
                        ELSE [r.pseudonym] END AS subjects
            """;

    private static final String LOCK_PROFESSIONAL =
            """
            MATCH (p:Professional {id: $me})
            SET p.registering = true
            REMOVE p.registering
            RETURN EXISTS { (p)-[:SECONDED_TO]->(:Team) } AS value
            """;

    /** The involvement a retry's first call made, and whether the professional may still see whom it concerns. */
    private static final String REPLAY =
            """
            MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement {clientMutationId: $clientMutationId})
                  -[:CONCERNS]->(t)-[:MEMBER_OF*0..1]->(h:Household)
            RETURN i.id AS id, %s AS visible
            LIMIT 1
            """;

    /** Whom it concerns, whether the professional may act on them by id, and an active twin if there is one. */
    private static final String TARGET =
            """
            MATCH (p:Professional {id: $me})
            OPTIONAL MATCH (byBsn:Resident {pseudonym: $pseudonym})
            OPTIONAL MATCH (byId:Resident {id: $residentId})
            OPTIONAL MATCH (household:Household {id: $householdId})
            WITH p, coalesce(byBsn, byId, household) AS t
            MATCH (t)-[:MEMBER_OF*0..1]->(h:Household)
            OPTIONAL MATCH (p)-[:REGISTERED]->(twin:Involvement {status: 'ACTIVE', domain: $domain})-[:CONCERNS]->(t)
            WITH p, t, h, head(collect(twin.id)) AS twin
            RETURN {target: t.id, resident: t:Resident, visible: %s, twin: twin} AS value
            """;

    /** A new involvement concerning one resident of a household. */
    private static final String CREATE_ON_RESIDENT =
            """
            MATCH (p:Professional {id: $me})-[:EMPLOYED_BY]->(o:Organisation)
            MATCH (t:Resident {id: $target})
            CREATE (p)-[:REGISTERED]->(i:Involvement {id: $id, domain: $domain, since: $since, status: 'ACTIVE',
                   expiresOn: $expiresOn, registeredAt: datetime(), clientMutationId: $clientMutationId})
                   -[:CONCERNS]->(t)
            CREATE (i)-[:ON_BEHALF_OF]->(o)
            WITH p, i
            OPTIONAL MATCH (p)-[:SECONDED_TO]->(team:Team) WHERE $throughTeam
            WITH i, head(collect(team)) AS team
            FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA]->(team))
            RETURN i.id AS value
            """;

    /** A new involvement concerning a household as a whole. */
    private static final String CREATE_ON_HOUSEHOLD =
            """
            MATCH (p:Professional {id: $me})-[:EMPLOYED_BY]->(o:Organisation)
            MATCH (t:Household {id: $target})
            CREATE (p)-[:REGISTERED]->(i:Involvement {id: $id, domain: $domain, since: $since, status: 'ACTIVE',
                   expiresOn: $expiresOn, registeredAt: datetime(), clientMutationId: $clientMutationId})
                   -[:CONCERNS]->(t)
            CREATE (i)-[:ON_BEHALF_OF]->(o)
            WITH p, i
            OPTIONAL MATCH (p)-[:SECONDED_TO]->(team:Team) WHERE $throughTeam
            WITH i, head(collect(team)) AS team
            FOREACH (_ IN CASE WHEN team IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA]->(team))
            RETURN i.id AS value
            """;

    private static final String OWN =
            """
            MATCH (:Professional {id: $me})-[:REGISTERED]->(i:Involvement {id: $id})
            RETURN {status: i.status, since: i.since} AS value
            """;

    private static final String END =
            """
            MATCH (i:Involvement {id: $id})
            SET i.status = 'ENDED', i.until = $until, i.endReason = $reason
            REMOVE i.expiresOn
            """;

    private static final String RENEW =
            """
            MATCH (i:Involvement {id: $id})
            SET i.expiresOn = $expiresOn
            """;

    private final Neo4jClient client;
    private final Pseudonymiser pseudonymiser;
    private final AuditTrail trail;
    private final InvolvementProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ResidentLookup lookup;

    InvolvementRegistry(
            Neo4jClient client,
            Pseudonymiser pseudonymiser,
            AuditTrail trail,
            InvolvementProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            ObjectProvider<ResidentLookup> lookup) {
        this.client = client;
        this.lookup = lookup.getIfAvailable(() -> ResidentLookup.NONE);
        this.pseudonymiser = pseudonymiser;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** The result of an involvement mutation. */
    record Payload(Involvement involvement, boolean created, List<InputError> errors) {

        static Payload failed(InputError... errors) {
            return new Payload(null, false, List.of(errors));
        }
    }

    /** How a registration's target came out of {@link #TARGET}. */
    private record Target(String id, boolean resident, boolean visible, String twin) {}

    /** A registration found again by its clientMutationId. */
    private record Replayed(String id, boolean visible) {}

    /** An involvement as read back, with the pseudonyms its audit event names. */
    private record Read(Involvement involvement, List<String> subjects) {}

    @Transactional
    Payload register(NabijUser user, RegisterInvolvementInput input, String origin) {
        List<InputError> errors = check(input);
        if (!errors.isEmpty()) {
            return new Payload(null, false, errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", user.professionalId());
        boolean seconded = client.query(LOCK_PROFESSIONAL)
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .one()
                .orElseThrow(() -> new IllegalStateException("the signed-in user acts as no known professional"));
        // Checked before the target is looked up: no answer may depend on whether Nabij holds the person.
        if (input.throughTeam() && !seconded) {
            return Payload.failed(new InputError("throughTeam", "NOT_IN_A_TEAM", "you are not seconded to a wijkteam"));
        }
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        parameters.put("clientMutationId", clientMutationId);
        if (clientMutationId != null) {
            Optional<Replayed> replayed = client.query(REPLAY.formatted(HouseholdScope.visibleTo(user.role())))
                    .bindAll(parameters)
                    .fetchAs(Replayed.class)
                    .mappedBy((types, row) -> new Replayed(
                            row.get("id").asString(), row.get("visible").asBoolean()))
                    .one();
            if (replayed.isPresent()) {
                // Whom it concerns only while the professional may still see them: not a resident's current name
                // after the involvement has ended.
                return recorded(
                        replayed.get().id(),
                        false,
                        replayed.get().visible(),
                        user,
                        origin,
                        "READ",
                        "involvement-register-retry");
            }
        }
        boolean byBsn = input.bsn() != null;
        parameters.put(
                "pseudonym",
                byBsn ? pseudonymiser.pseudonymise(Bsn.parse(input.bsn()).orElseThrow()) : null);
        parameters.put("residentId", Ids.canonicalUuid(input.residentId()));
        parameters.put("householdId", Ids.canonicalUuid(input.householdId()));
        parameters.put("domain", input.domain().name());
        Optional<Target> target = target(user, parameters);
        if (target.isEmpty() && byBsn) {
            // A person Nabij does not hold yet is added from the register of persons with their household, in this
            // transaction; when the register fails, the registration fails and nothing is written.
            ResidentLookup.Outcome outcome = lookup.admit(Bsn.parse(input.bsn()).orElseThrow());
            if (outcome instanceof ResidentLookup.Outcome.Failed failed) {
                return Payload.failed(new InputError("bsn", failed.code(), failed.message()));
            }
            if (outcome instanceof ResidentLookup.Outcome.Admitted) {
                target = target(user, parameters);
            }
        }
        // By id only what the professional may already see: registering must not become a way into a household.
        if (target.isEmpty() || (!byBsn && !target.get().visible())) {
            return input.householdId() != null
                    ? Payload.failed(
                            new InputError("householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id"))
                    : Payload.failed(new InputError(
                            byBsn ? "bsn" : "residentId",
                            "UNKNOWN_RESIDENT",
                            byBsn ? "Nabij holds no resident with this BSN" : "no resident you may see has this id"));
        }
        if (target.get().twin() != null) {
            return recorded(target.get().twin(), false, user, origin, "READ", "involvement-register-existing");
        }
        String id = UUID.randomUUID().toString();
        parameters.put("id", id);
        parameters.put("target", target.get().id());
        parameters.put("since", input.since());
        parameters.put("expiresOn", LocalDate.now(clock).plus(properties.activePeriod()));
        parameters.put("throughTeam", input.throughTeam());
        client.query(target.get().resident() ? CREATE_ON_RESIDENT : CREATE_ON_HOUSEHOLD)
                .bindAll(parameters)
                .run();
        events.publishEvent(new InvolvementRegistered(id));
        return recorded(id, true, user, origin, "CHANGE", "involvement-register");
    }

    private Optional<Target> target(NabijUser user, Map<String, Object> parameters) {
        return client.query(TARGET.formatted(HouseholdScope.visibleTo(user.role())))
                .bindAll(parameters)
                .fetchAs(Target.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Target(
                            value.get("target").asString(),
                            value.get("resident").asBoolean(),
                            value.get("visible").asBoolean(),
                            value.get("twin").asString(null));
                })
                .one();
    }

    @Transactional
    Payload end(NabijUser user, EndInvolvementInput input, String origin) {
        Optional<Own> own = own(user, input.involvementId());
        if (own.isEmpty()) {
            return unknownInvolvement();
        }
        List<InputError> errors = new ArrayList<>();
        if (!own.get().active()) {
            errors.add(new InputError("involvementId", "NOT_ACTIVE", "this involvement has ended already"));
        }
        if (input.until().isBefore(own.get().since())) {
            errors.add(new InputError("until", "UNTIL_BEFORE_SINCE", "until is on or after the involvement's since"));
        } else if (input.until().isAfter(LocalDate.now(clock))) {
            errors.add(new InputError("until", "UNTIL_IN_FUTURE", "until is today or earlier"));
        }
        if (input.reason() == EndReason.EXPIRED) {
            errors.add(new InputError("reason", "RESERVED_REASON", "EXPIRED is set by Nabij when a period runs out"));
        }
        if (!errors.isEmpty()) {
            return new Payload(null, false, errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", Ids.canonicalUuid(input.involvementId()));
        parameters.put("until", input.until());
        parameters.put("reason", input.reason().name());
        client.query(END).bindAll(parameters).run();
        return recorded(Ids.canonicalUuid(input.involvementId()), false, user, origin, "CHANGE", "involvement-end");
    }

    @Transactional
    Payload renew(NabijUser user, String involvementId, String origin) {
        Optional<Own> own = own(user, involvementId);
        if (own.isEmpty()) {
            return unknownInvolvement();
        }
        if (!own.get().active()) {
            return Payload.failed(new InputError(
                    "involvementId", "NOT_ACTIVE", "an ended involvement is not renewed; register a new one"));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", Ids.canonicalUuid(involvementId));
        parameters.put("expiresOn", LocalDate.now(clock).plus(properties.activePeriod()));
        client.query(RENEW).bindAll(parameters).run();
        return recorded(Ids.canonicalUuid(involvementId), false, user, origin, "CHANGE", "involvement-renew");
    }

    /** The state of an involvement the user registered. */
    private record Own(String status, LocalDate since) {

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private Optional<Own> own(NabijUser user, String involvementId) {
        String id = Ids.canonicalUuid(involvementId);
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", user.professionalId());
        parameters.put("id", id);
        return client.query(OWN)
                .bindAll(parameters)
                .fetchAs(Own.class)
                .mappedBy((types, row) -> new Own(
                        row.get("value").get("status").asString(),
                        row.get("value").get("since").asLocalDate()))
                .one();
    }

    private static Payload unknownInvolvement() {
        // Someone else's involvement reads as unknown: only its professional may change it.
        return Payload.failed(
                new InputError("involvementId", "UNKNOWN_INVOLVEMENT", "you registered no involvement with this id"));
    }

    private Payload recorded(String id, boolean created, NabijUser user, String origin, String action, String purpose) {
        return recorded(id, created, true, user, origin, action, purpose);
    }

    private Payload recorded(
            String id,
            boolean created,
            boolean withResident,
            NabijUser user,
            String origin,
            String action,
            String purpose) {
        Read read = client.query(READ)
                .bindAll(Map.of("id", id, "withResident", withResident))
                .fetchAs(Read.class)
                .mappedBy((types, row) -> new Read(
                        Involvement.from(row.get("value")), row.get("subjects").asList(v -> v.asString())))
                .one()
                .orElseThrow(() -> new IllegalStateException("involvement " + id + " vanished in its transaction"));
        trail.append(user, origin, List.of(new AuditEntry(action, true, purpose, "own-registration", read.subjects())));
        return new Payload(read.involvement(), created, List.of());
    }

    private List<InputError> check(RegisterInvolvementInput input) {
        List<InputError> errors = new ArrayList<>();
        int targets = (input.bsn() == null ? 0 : 1)
                + (input.residentId() == null ? 0 : 1)
                + (input.householdId() == null ? 0 : 1);
        if (targets != 1) {
            errors.add(new InputError("bsn", "ONE_TARGET", "give exactly one of bsn, residentId and householdId"));
        } else if (input.bsn() != null && Bsn.parse(input.bsn()).isEmpty()) {
            errors.add(new InputError("bsn", "INVALID_BSN", "bsn must be 8 or 9 digits that pass the elfproef"));
        } else if (input.residentId() != null && Ids.canonicalUuid(input.residentId()) == null) {
            errors.add(new InputError("residentId", "MALFORMED_ID", "residentId must be a UUID"));
        } else if (input.householdId() != null && Ids.canonicalUuid(input.householdId()) == null) {
            errors.add(new InputError("householdId", "MALFORMED_ID", "householdId must be a UUID"));
        }
        if (input.since().isAfter(LocalDate.now(clock))) {
            errors.add(new InputError("since", "SINCE_IN_FUTURE", "since is today or earlier"));
        }
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        return errors;
    }
}
