package nl.nabij.involvement;

/**
 * A new involvement, published inside the transaction that registered it, so that what follows from it (a match, its
 * notifications) commits or rolls back together with it.
 */
public record InvolvementRegistered(String involvementId) {}
