package nl.nabij.api;

import java.util.List;

/**
 * A page of a cursor connection, in the shape the schema's {@code *Connection} types declare.
 *
 * @param <T> the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /** One node with the cursor that continues after (or before) it. */
    public record Edge<T>(T node, String cursor) {}

    /** Where the page lies in the whole list. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}
}
