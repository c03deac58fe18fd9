/**
 * Test support: the shared integration-test set-up, HTTP GraphQL clients, the statement counter, a stand-in
 * identity provider, counting what an operation left in the database, the clean-up of households a test made for
 * itself, and the application in a JVM of its own that the stop-and-restart suites share.
 */
package nl.nabij.support;
