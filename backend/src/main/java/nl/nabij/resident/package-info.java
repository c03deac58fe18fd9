/**
 * Residents' identity: the BSN as a validated value that is never stored, printed or returned, and the keyed
 * pseudonym (HMAC-SHA-256 with a secret held outside the database) that stands for it in the graph.
 */
package nl.nabij.resident;
