/**
 * Who the user is and what they may see: the roles, sign-in with built-in accounts (Argon2id, throttled per account
 * and client address, with a bounded share of the CPU) or the identity provider's JWTs, the web app's sessions kept in
 * the database for every instance, the access rules on every operation and node type, and the protection of the
 * GraphQL endpoint against abuse (limits on document size, depth, cost and aliases, no batches, a request timeout,
 * masked errors). Every limit acts before any data is fetched, except the timeout, which also bounds the request's
 * database transactions. Also who may read the schema, error messages without library internals, and the open
 * websockets, each with one user and closed when that user may no longer sign in.
 */
package nl.nabij.security;
