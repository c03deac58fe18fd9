package nl.nabij.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * How Nabij's lists page by keyset under Spring for GraphQL's cursor pagination: a connection field's controller takes
 * a {@link ScrollSubrange} and returns a {@link Window}, from which Spring writes the edges, cursors and page info.
 * Every list is sorted by a text key, then an id; a cursor carries both, so paging never skips or repeats a node when
 * others are added meanwhile. {@link PagingArguments} checks the arguments before any controller runs.
 */
public final class Paging {

    /** The page size when neither {@code first} nor {@code last} is given. */
    public static final int DEFAULT = 20;

    /** The largest page a client may ask for. */
    public static final int MAXIMUM = 100;

    private static final String KEY = "key";
    private static final String ID = "id";

    private Paging() {}

    /** The position of a node in a list sorted by {@code key}, then {@code id}. */
    public record Position(String key, String id) {

        /**
         * As Spring for GraphQL reads it: a page read forward tells in {@code hasNextPage} whether more follow, one
         * read backward in {@code hasPreviousPage} whether more precede.
         */
        ScrollPosition scrollPosition(boolean forward) {
            Map<String, Object> keys = Map.of(KEY, key, ID, id);
            return forward ? ScrollPosition.forward(keys) : ScrollPosition.backward(keys);
        }
    }

    /** How many nodes the page holds. */
    public static int size(ScrollSubrange subrange) {
        return subrange.count().orElse(DEFAULT);
    }

    /** The node the page continues from, if any. */
    public static Optional<Position> from(ScrollSubrange subrange) {
        return subrange.position().map(position -> {
            if (position instanceof KeysetScrollPosition keyset
                    && keyset.getKeys().get(KEY) instanceof String key
                    && keyset.getKeys().get(ID) instanceof String id) {
                return new Position(key, id);
            }
            String field = subrange.forward() ? "after" : "before";
            throw new InvalidArgumentException(field, "MALFORMED_CURSOR", field + " is not a cursor of this list");
        });
    }

    /**
     * The page from rows read in the direction of paging, one more than {@link #size} when there are more: the extra
     * row is dropped and tells that more follow, and a backward page is put back in list order.
     */
    public static <T> Window<T> window(
            List<T> rowsAndOneMore, ScrollSubrange subrange, Function<T, Position> positionOf) {
        List<T> rows = new ArrayList<>(rowsAndOneMore);
        boolean more = rows.size() > size(subrange);
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (!subrange.forward()) {
            Collections.reverse(rows);
        }
        List<T> page = List.copyOf(rows);
        return Window.from(page, index -> positionOf.apply(page.get(index)).scrollPosition(subrange.forward()), more);
    }
}
