package nl.nabij.security;

/**
 * A request the access rules refused because of the user's role, before any data was read.
 *
 * @param what the operation or node type that was refused, e.g. {@code household} or {@code Resident}
 * @param change whether the refused operation was a mutation
 */
public record AccessDenied(NabijUser user, String origin, String what, boolean change) {}
