package nl.nabij.match;

import java.util.List;

/**
 * Notifications of a match were made, published inside the transaction that made them, so that what else follows
 * from them (a webhook to an organisation's case system) commits or rolls back together with them.
 *
 * @param notificationIds the notifications made, one per professional told
 */
public record MatchNotified(List<String> notificationIds) {}
