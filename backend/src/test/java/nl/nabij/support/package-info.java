/**
 * Test support: the shared integration-test set-up, HTTP GraphQL clients, the statement counter and a stand-in
 * identity provider.
 */
package nl.nabij.support;
