package nl.nabij.match;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A professional's inbox: their notifications, newest first, and marking them read. */
@Service
class NotificationInbox {

    private static final int MOST_AT_ONCE = 100;

    /**
     * The inbox sorts newest first on the time left until 2100, zero-padded: the key pages ascend, and the latest
     * notification has the smallest.
     */
    private static final long FAR_FUTURE_MILLIS = 4_102_444_800_000L;

    private static final String MARK_READ =
            """
            MATCH (:Professional {id: $me})<-[:FOR]-(n:Notification) WHERE n.id IN $ids
            SET n.readAt = coalesce(n.readAt, datetime())
            RETURN count(n) AS value
            """;

    private final GraphQueries queries;
    private final Neo4jClient client;

    NotificationInbox(GraphQueries queries, Neo4jClient client) {
        this.queries = queries;
        this.client = client;
    }

    Window<Notification> of(String professionalId, boolean unreadOnly, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", professionalId);
        parameters.put("unreadOnly", unreadOnly);
        parameters.put("far", FAR_FUTURE_MILLIS);
        return queries.page(
                "MATCH (:Professional {id: $me})<-[:FOR]-(n:Notification) WHERE NOT $unreadOnly OR n.readAt IS NULL",
                "right('0000000000000' + toString($far - n.createdAt.epochMillis), 13)",
                "n.id",
                Notification.PROJECTION,
                parameters,
                subrange,
                Notification::from,
                notification -> new Paging.Position(newestFirst(notification.createdAt()), notification.id()));
    }

    private static String newestFirst(String createdAt) {
        return String.format(
                "%013d",
                FAR_FUTURE_MILLIS - OffsetDateTime.parse(createdAt).toInstant().toEpochMilli());
    }

    /** The result of marking notifications read: how many of the user's own were marked, or the errors. */
    record MarkReadPayload(int marked, List<InputError> errors) {}

    @Transactional
    MarkReadPayload markRead(String professionalId, List<String> ids) {
        if (ids.isEmpty() || ids.size() > MOST_AT_ONCE) {
            return new MarkReadPayload(
                    0, List.of(new InputError("notificationIds", "COUNT", "give 1 to " + MOST_AT_ONCE + " ids")));
        }
        if (ids.stream().anyMatch(id -> Ids.canonicalUuid(id) == null)) {
            return new MarkReadPayload(
                    0, List.of(new InputError("notificationIds", "MALFORMED_ID", "every id must be a UUID")));
        }
        long marked = client.query(MARK_READ)
                .bindAll(Map.of("me", professionalId, "ids", ids))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
        return new MarkReadPayload((int) marked, List.of());
    }
}
