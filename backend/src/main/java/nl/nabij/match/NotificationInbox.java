package nl.nabij.match;

import java.time.OffsetDateTime;
import java.util.List;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.Paging;
import org.springframework.data.domain.Window;
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

    private final MatchQueries queries;

    NotificationInbox(MatchQueries queries) {
        this.queries = queries;
    }

    Window<Notification> of(String professionalId, boolean unreadOnly, ScrollSubrange subrange) {
        return queries.inbox(
                professionalId,
                unreadOnly,
                FAR_FUTURE_MILLIS,
                subrange,
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
        long marked = queries.markRead(professionalId, ids);
        return new MarkReadPayload((int) marked, List.of());
    }
}
