/**
 * Protection of the GraphQL endpoint against abuse: limits on document size, depth, cost and aliases, no batches, a
 * request timeout, and errors that reveal nothing of the server. Every limit acts before any data is fetched, except
 * the timeout, which also bounds the database transaction.
 */
package nl.nabij.security;
