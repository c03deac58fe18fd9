package nl.nabij.audit;

import java.time.Instant;
import java.util.List;
import nl.nabij.api.Digests;
import org.neo4j.driver.types.MapAccessor;

/**
 * A stored audit event with the fields NEN 7513 asks for: who (user, role, organisation or professional, on whose
 * behalf), what (action, outcome, purpose, basis), whose data (pseudonyms), when (UTC) and from where (origin).
 */
public record AuditEvent(
        String id,
        long sequence,
        Instant at,
        String action,
        String outcome,
        String username,
        String role,
        String actorReference,
        String organisation,
        String actedFor,
        String purpose,
        String basis,
        String origin,
        List<String> subjects,
        String previousHash,
        String hash) {

    /** The text the hash covers: every field but the hash itself, in a fixed order, and the previous hash. */
    String canonical() {
        return String.join(
                "\n",
                id,
                Long.toString(sequence),
                at.toString(),
                action,
                outcome,
                username,
                role,
                String.valueOf(actorReference),
                String.valueOf(organisation),
                String.valueOf(actedFor),
                purpose,
                basis,
                String.valueOf(origin),
                String.join(",", subjects),
                previousHash);
    }

    static AuditEvent from(MapAccessor value) {
        return read(
                value,
                value.get("sequence").asLong(),
                value.get("previousHash").asString(),
                value.get("hash").asString());
    }

    /** An unsealed event as read back, given its place in the chain, with the hash that place gives it. */
    static AuditEvent sealedAt(MapAccessor value, long sequence, String previousHash) {
        AuditEvent event = read(value, sequence, previousHash, null);
        return read(value, sequence, previousHash, Digests.sha256(event.canonical()));
    }

    private static AuditEvent read(MapAccessor value, long sequence, String previousHash, String hash) {
        return new AuditEvent(
                value.get("id").asString(),
                sequence,
                value.get("at").asZonedDateTime().toInstant(),
                value.get("action").asString(),
                value.get("outcome").asString(),
                value.get("username").asString(),
                value.get("role").asString(),
                value.get("actorReference").asString(null),
                value.get("organisation").asString(null),
                value.get("actedFor").asString(null),
                value.get("purpose").asString(),
                value.get("basis").asString(),
                value.get("origin").asString(null),
                value.get("subjects").asList(v -> v.asString()),
                previousHash,
                hash);
    }
}
