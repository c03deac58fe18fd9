package nl.nabij.audit;

/**
 * The result of walking the whole chain.
 *
 * @param firstBrokenSequence the first event whose hash or link does not match, or null when the chain is intact
 */
public record AuditChainCheck(boolean intact, long eventsChecked, Long firstBrokenSequence, String reason) {}
