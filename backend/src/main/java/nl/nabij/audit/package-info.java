/**
 * The audit trail of personal data (NEN 7513): every read, search, export and change of a resident's data, granted
 * or denied, written in the transaction that touched the data, chained by SHA-256 so that any change to a stored
 * event breaks the chain at that event. No operation changes or deletes events.
 */
package nl.nabij.audit;
