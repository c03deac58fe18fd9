package nl.nabij.security;

/**
 * Too many wrong passwords locked signing in for a while, for the account and/or the client address. The audit trail
 * records it for the auditor.
 *
 * @param user the account the attempt named; for a name that is no account, a user of that name without a role
 * @param origin the client address the attempt came from
 * @param basis what was locked: {@code account}, {@code address} or {@code account-and-address}
 */
public record SignInLocked(NabijUser user, String origin, String basis) {}
