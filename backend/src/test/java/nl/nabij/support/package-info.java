/**
 * Test support: the shared integration-test set-up, HTTP GraphQL clients, the statement counter, a stand-in
 * identity provider, counting what an operation left in the database, and the clean-up of households a test made
 * for itself.
 */
package nl.nabij.support;
