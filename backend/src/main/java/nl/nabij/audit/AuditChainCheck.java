package nl.nabij.audit;

/**
 * The result of walking the whole chain.
 *
 * @param retainedFrom the first event kept; the retention rule removed the ones before it
 * @param firstBrokenSequence the first event whose hash or link does not match, or null when the chain is intact
 */
public record AuditChainCheck(
        boolean intact, long eventsChecked, long retainedFrom, Long firstBrokenSequence, String reason) {}
