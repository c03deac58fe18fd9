package nl.nabij.security;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;

/**
 * Signing in with a built-in account's password, the same on every channel: the sign-in endpoint, HTTP Basic and a
 * WebSocket's {@code connection_init}. An attempt that must wait is refused before anything is checked
 * ({@link SignInThrottle}); otherwise the password is checked once, against the account's hash or, for a name that is
 * no account, a fixed one ({@link PasswordVerification}), so both cost the same. A failure is counted, and one that
 * locks the account or the address is published as {@link SignInLocked}.
 */
@Service
public class PasswordSignIn {

    private final AccountService accounts;
    private final PasswordVerification verification;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    PasswordSignIn(
            AccountService accounts,
            PasswordVerification verification,
            SignInThrottle throttle,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.verification = verification;
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * The account's user when the password is right and the account enabled.
     *
     * @param address the client address the attempt came from
     * @throws BadCredentialsException for a wrong password, an unknown name or a disabled account alike
     * @throws SignInRefused when the attempt must wait, or every password check is busy
     */
    public NabijUser signIn(String username, String password, String address) {
        throttle.checkAllowed(username, address);
        Optional<AccountDetails> account = accounts.find(username);
        boolean matches = verification.matches(password, account.map(AccountDetails::passwordHash));
        if (matches && account.get().enabled()) {
            throttle.succeeded(username);
            return account.get().user();
        }
        SignInThrottle.Locks locks = throttle.failed(username, address);
        if (locks.account() || locks.address()) {
            events.publishEvent(new SignInLocked(
                    account.map(AccountDetails::user).orElseGet(() -> new NabijUser(username, null, null, null, null)),
                    address,
                    locks.account() && locks.address()
                            ? "account-and-address"
                            : locks.account() ? "account" : "address"));
        }
        throw new BadCredentialsException("wrong username or password");
    }
}
