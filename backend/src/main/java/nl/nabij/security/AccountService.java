package nl.nabij.security;

import java.util.Optional;
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

    private final SecurityQueries queries;
    private final PasswordEncoder passwords;

    AccountService(SecurityQueries queries, PasswordEncoder passwords) {
        this.queries = queries;
        this.passwords = passwords;
    }

    /** The account that may sign in under this name, if there is one. */
    @Transactional(readOnly = true)
    Optional<AccountDetails> find(String username) {
        return queries.account(username);
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
        queries.saveAccount(user, passwordHash);
    }
}
