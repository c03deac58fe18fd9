/**
 * What every GraphQL feature shares: the Date scalar, cursor connections, documents parsed and validated once, the
 * validation of ids and paging arguments, and the mapping of invalid input to typed errors that name the offending
 * field.
 */
package nl.nabij.api;
