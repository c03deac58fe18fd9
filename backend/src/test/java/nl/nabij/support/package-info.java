/** Test support: the shared integration-test set-up, HTTP GraphQL clients and the statement counter. */
package nl.nabij.support;
