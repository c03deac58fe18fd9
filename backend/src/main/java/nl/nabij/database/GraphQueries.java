package nl.nabij.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two query shapes every feature needs, run through {@link Neo4jClient} in read transactions (which a
 * {@code neo4j://} cluster routes to its readers): one batched lookup for a nested field across all parents of a
 * request, and one keyset page of a sorted list.
 */
@Component
@Transactional(readOnly = true)
public class GraphQueries {

    private final Neo4jClient client;

    GraphQueries(Neo4jClient client) {
        this.client = client;
    }

    /**
     * Loads a nested list for all parents of a request in one query: {@code cypher} gets the parents' keys as
     * {@code $keys} and returns rows of {@code key} and {@code value}, in the order the children should appear.
     * Parents without rows get an empty list.
     */
    public <P, T> Map<P, List<T>> many(
            String cypher, Collection<P> parents, Function<P, String> keyOf, Function<MapAccessor, T> valueMapper) {
        Map<String, List<T>> byKey = new HashMap<>();
        rows(cypher, parents, keyOf, valueMapper, Map.of())
                .forEach(row -> byKey.computeIfAbsent(row.getKey(), key -> new ArrayList<>())
                        .add(row.getValue()));
        Map<P, List<T>> byParent = new LinkedHashMap<>();
        parents.forEach(parent -> byParent.put(parent, byKey.getOrDefault(keyOf.apply(parent), List.of())));
        return byParent;
    }

    /** Like {@link #many} for fields with at most one child; parents without a row are absent from the map. */
    public <P, T> Map<P, T> one(
            String cypher, Collection<P> parents, Function<P, String> keyOf, Function<MapAccessor, T> valueMapper) {
        return one(cypher, parents, keyOf, valueMapper, Map.of());
    }

    /** Like {@link #one}, with further parameters besides {@code $keys} (who asks, when the answer depends on it). */
    public <P, T> Map<P, T> one(
            String cypher,
            Collection<P> parents,
            Function<P, String> keyOf,
            Function<MapAccessor, T> valueMapper,
            Map<String, Object> parameters) {
        Map<String, T> byKey = new HashMap<>();
        rows(cypher, parents, keyOf, valueMapper, parameters)
                .forEach(row -> byKey.putIfAbsent(row.getKey(), row.getValue()));
        Map<P, T> byParent = new LinkedHashMap<>();
        parents.forEach(parent -> {
            T value = byKey.get(keyOf.apply(parent));
            if (value != null) {
                byParent.put(parent, value);
            }
        });
        return byParent;
    }

    private <P, T> List<Map.Entry<String, T>> rows(
            String cypher,
            Collection<P> parents,
            Function<P, String> keyOf,
            Function<MapAccessor, T> valueMapper,
            Map<String, Object> parameters) {
        List<String> keys = parents.stream().map(keyOf).distinct().toList();
        return client
                .query(cypher)
                .bindAll(parameters)
                .bind(keys)
                .to("keys")
                .fetchAs(Object.class)
                .mappedBy((types, record) ->
                        Map.entry(record.get("key").asString(), valueMapper.apply(record.get("value"))))
                .all()
                .stream()
                .map(GraphQueries::<Map.Entry<String, T>>cast)
                .toList();
    }

    /** A single optional node or map, mapped; {@code cypher} returns one column named {@code value}. */
    public <T> Optional<T> single(String cypher, Map<String, Object> parameters, Function<MapAccessor, T> valueMapper) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Object.class)
                .mappedBy((types, record) -> valueMapper.apply(record.get("value")))
                .first()
                .map(GraphQueries::cast);
    }

    /** Every row, mapped whole, for queries that return more than a {@code value}. */
    public <T> List<T> rows(String cypher, Map<String, Object> parameters, Function<MapAccessor, T> rowMapper) {
        return client
                .query(cypher)
                .bindAll(parameters)
                .fetchAs(Object.class)
                .mappedBy((types, record) -> rowMapper.apply(record))
                .all()
                .stream()
                .map(GraphQueries::<T>cast)
                .toList();
    }

    /** Every row's {@code value}, mapped, in the order the query returns them. */
    public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<MapAccessor, T> valueMapper) {
        return client
                .query(cypher)
                .bindAll(parameters)
                .fetchAs(Object.class)
                .mappedBy((types, record) -> valueMapper.apply(record.get("value")))
                .all()
                .stream()
                .map(GraphQueries::<T>cast)
                .toList();
    }

    /**
     * One page of a list sorted by a key and then an id.
     *
     * @param match a MATCH (and optional WHERE) that binds the nodes of the list
     * @param sortKey a Cypher expression over the matched node giving the string the list is sorted by
     * @param id a Cypher expression over the matched node giving its unique key
     * @param projection a Cypher expression over what the match bound, read by {@code nodeMapper}
     * @param cursorOf gives a mapped node's cursor; it must agree with {@code sortKey} and {@code id}
     */
    public <T> Connection<T> page(
            String match,
            String sortKey,
            String id,
            String projection,
            Map<String, Object> parameters,
            PageRequest request,
            Function<MapAccessor, T> nodeMapper,
            Function<T, PageRequest.Cursor> cursorOf) {
        String after = request.forward() ? ">" : "<";
        String direction = request.forward() ? "ASC" : "DESC";
        String cypher = match + "\nWITH *, " + sortKey + " AS sortKey, " + id + " AS nodeId\n"
                + "WHERE $cursorKey IS NULL OR sortKey " + after + " $cursorKey\n"
                + "   OR (sortKey = $cursorKey AND nodeId " + after + " $cursorId)\n"
                + "RETURN " + projection + " AS value ORDER BY sortKey " + direction + ", nodeId " + direction
                + " LIMIT $limit";
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("cursorKey", request.cursor() == null ? null : request.cursor().sortKey());
        all.put("cursorId", request.cursor() == null ? null : request.cursor().id());
        all.put("limit", request.size() + 1);
        List<T> rows = new ArrayList<>(list(cypher, all, nodeMapper));
        boolean more = rows.size() > request.size();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (!request.forward()) {
            Collections.reverse(rows);
        }
        List<Connection.Edge<T>> edges = rows.stream()
                .map(node -> new Connection.Edge<>(node, cursorOf.apply(node).encode()))
                .toList();
        boolean fromCursor = request.cursor() != null;
        var pageInfo = new Connection.PageInfo(
                request.forward() ? more : fromCursor,
                request.forward() ? fromCursor : more,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, pageInfo);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
