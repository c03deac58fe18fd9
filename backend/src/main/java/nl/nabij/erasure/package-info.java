/**
 * Erasure (AVG article 17): removing a resident from Nabij everywhere, carried out by an administrator for a request
 * the municipality has accepted. The audit trail keeps the resident's pseudonym and nothing else about them.
 */
package nl.nabij.erasure;
