package nl.nabij.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.database.GraphQueries;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The consent feature's Cypher: reading consents back (per household for those involved, per resident for the
 * resident's own export), and granting and withdrawing them in the caller's transaction.
 */
@Component
public class ConsentQueries {

    private static final String OF_HOUSEHOLDS =
            """
            UNWIND $keys AS key
            MATCH (:Household {id: key})<-[m:MEMBER_OF]-(r:Resident)<-[:GIVEN_BY]-(c:Consent)
            RETURN key, c {.id, .purpose, .until, .withdrawnAt,
                           professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                           organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                           givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value ORDER BY c.grantedAt, c.id
            """;

    private static final String OF_RESIDENT =
            """
            MATCH (r:Resident {id: $resident})-[m:MEMBER_OF]->(:Household)
            MATCH (r)<-[:GIVEN_BY]-(c:Consent)
            RETURN c {.id, .purpose, .until, .withdrawnAt,
                      professional: head([(c)-[:TO]->(p:Professional) | p {.id, .name, .discipline}]),
                      organisation: head([(c)-[:TO]->(o:Organisation) | o {.id, .name, .kind, .careLine}]),
                      givenBy: r {.id, .displayName, .birthYear, role: m.role}} AS value ORDER BY c.grantedAt, c.id
            """;

    private static final String RECIPIENTS_EXIST =
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

    private final GraphQueries queries;
    private final Neo4jClient client;
    private final Clock clock;

    ConsentQueries(GraphQueries queries, Neo4jClient client, Clock clock) {
        this.queries = queries;
        this.client = client;
        this.clock = clock;
    }

    /** The consents given by the members of each household. */
    public <P> Map<P, List<Consent>> ofHouseholds(Collection<P> households, Function<P, String> idOf) {
        LocalDate today = LocalDate.now(clock);
        return queries.many(OF_HOUSEHOLDS, households, idOf, value -> Consent.from(value, today));
    }

    /** The consents a resident has given. */
    public List<Consent> ofResident(String residentId) {
        LocalDate today = LocalDate.now(clock);
        return queries.list(OF_RESIDENT, Map.of("resident", residentId), value -> Consent.from(value, today));
    }

    /** Whether the professional and the organisation a consent would go to exist. */
    record Recipients(boolean professional, boolean organisation) {}

    /** A consent as a mutation left it, with the pseudonym its audit event names. */
    record Written(Consent consent, String pseudonym, boolean alreadyWithdrawn) {}

    Recipients recipients(String professionalId, String organisationId) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("professionalId", professionalId);
        ids.put("organisationId", organisationId);
        return client.query(RECIPIENTS_EXIST)
                .bindAll(ids)
                .fetchAs(Recipients.class)
                .mappedBy((types, row) -> new Recipients(
                        row.get("professional").asBoolean(),
                        row.get("organisation").asBoolean()))
                .one()
                .orElseThrow();
    }

    /** Locks the resident's node, which serialises their grants. */
    void lockResident(String residentId) {
        client.query(LOCK_RESIDENT).bind(residentId).to("resident").run();
    }

    /** The consent an earlier grant with the same {@code $clientMutationId} of {@code $resident} gave. */
    Optional<Written> replayGrant(Map<String, Object> parameters) {
        return write(REPLAY, parameters);
    }

    /** A new consent of {@code $resident}; empty when the resident has no household. */
    Optional<Written> grant(Map<String, Object> parameters) {
        return write(GRANT, parameters);
    }

    /** Withdraws consent {@code $id} of {@code $resident}; empty when the resident gave none with that id. */
    Optional<Written> withdraw(Map<String, Object> parameters) {
        return write(WITHDRAW, parameters);
    }

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
}
