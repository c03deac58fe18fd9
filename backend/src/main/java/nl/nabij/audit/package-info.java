/**
 * The audit trail of personal data (NEN 7513): every read, search, export and change of a resident's data, granted
 * or denied. A change's event is written in the transaction that made it, a read's before the answer leaves; the
 * sealer then chains the events by SHA-256, so that any change to a stored event breaks the chain at that event. No
 * operation changes or deletes events; only the retention rule removes the oldest.
 */
package nl.nabij.audit;
