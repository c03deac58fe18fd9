package nl.nabij.security;

/**
 * A request that was refused: by the access rules because of the user's role, before any data was read, or a mutation
 * whose own checks refused it so that it changed nothing.
 *
 * @param what the operation or node type that was refused, e.g. {@code household} or {@code Resident}
 * @param change whether the refused operation was a mutation
 * @param basis why: {@code role-not-allowed}, {@code refused:} and the first error code, or {@code failed}
 */
public record AccessDenied(NabijUser user, String origin, String what, boolean change, String basis) {}
