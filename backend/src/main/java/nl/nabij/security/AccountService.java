package nl.nabij.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in accounts, kept as {@code Account} nodes with an Argon2id hash and linked to the professional or
 * resident they stand for. Used in the embedded and demo set-up; with an identity provider, tokens replace them.
 * An account without a role, whose grant waits for a second administrator, cannot sign in. Passwords are checked by
 * {@link PasswordSignIn}.
 */
@Service
public class AccountService {

    private static final String FIND =
            """
            MATCH (a:Account {username: $username})
            WHERE a.role IS NOT NULL
            OPTIONAL MATCH (a)-[:ACTS_AS]->(p:Professional)
            OPTIONAL MATCH (a)-[:IS]->(r:Resident)
            OPTIONAL MATCH (a)-[:WORKS_FOR]->(own:Organisation)
            OPTIONAL MATCH (p)-[:EMPLOYED_BY]->(employer:Organisation)
            RETURN a.username AS username, a.role AS role, a.passwordHash AS hash, a.enabled AS enabled,
                   p.id AS professionalId, r.id AS residentId, coalesce(own.id, employer.id) AS organisationId
            """;

    private static final String SAVE =
            """
            MERGE (a:Account {username: $username})
            SET a.role = $role, a.passwordHash = $hash, a.enabled = true
            WITH a
            OPTIONAL MATCH (a)-[old:ACTS_AS|IS|WORKS_FOR]->()
            DELETE old
            WITH a
            OPTIONAL MATCH (p:Professional {id: $professionalId})
            OPTIONAL MATCH (r:Resident {id: $residentId})
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (a)-[:ACTS_AS]->(p))
            FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (a)-[:IS]->(r))
            FOREACH (_ IN CASE WHEN o IS NULL OR p IS NOT NULL THEN [] ELSE [1] END | MERGE (a)-[:WORKS_FOR]->(o))
            """;

    private final Neo4jClient client;
    private final PasswordEncoder passwords;

    AccountService(Neo4jClient client, PasswordEncoder passwords) {
        this.client = client;
        this.passwords = passwords;
    }

    /** The account that may sign in under this name, if there is one. */
    @Transactional(readOnly = true)
    Optional<AccountDetails> find(String username) {
        return client.query(FIND)
                .bind(username)
                .to("username")
                .fetchAs(AccountDetails.class)
                .mappedBy((types, row) -> new AccountDetails(
                        new NabijUser(
                                row.get("username").asString(),
                                Role.valueOf(row.get("role").asString()),
                                row.get("professionalId").asString(null),
                                row.get("residentId").asString(null),
                                row.get("organisationId").asString(null)),
                        row.get("hash").asString(),
                        row.get("enabled").asBoolean(false)))
                .one();
    }

    /**
     * Creates or replaces an account; the password is stored only as its Argon2id hash. For the demo accounts of the
     * seed data only, which the demo loader writes outside the administrators' API and never in production.
     */
    @Transactional
    public void save(NabijUser user, String password) {
        saveHashed(user, passwords.encode(password));
    }

    /**
     * Like {@link #save}, with the password's hash computed beforehand (the demo accounts' are in the code, so that a
     * first start spends no Argon2id time on them); the hash carries the encoder's {@code {id}} prefix.
     */
    @Transactional
    public void saveHashed(NabijUser user, String passwordHash) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", user.username());
        parameters.put("role", user.role().name());
        parameters.put("hash", passwordHash);
        parameters.put("professionalId", user.professionalId());
        parameters.put("residentId", user.residentId());
        parameters.put("organisationId", user.organisationId());
        client.query(SAVE).bindAll(parameters).run();
    }
}
