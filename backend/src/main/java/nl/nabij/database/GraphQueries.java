package nl.nabij.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.api.Paging;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
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
     * One page of a list sorted by a key and then an id, by keyset: the rows after (or before) the cursor's position.
     *
     * @param match a MATCH (and optional WHERE) that binds the nodes of the list
     * @param sortKey a Cypher expression over the matched node giving the string the list is sorted by
     * @param id a Cypher expression over the matched node giving its unique key
     * @param projection a Cypher expression over what the match bound, read by {@code nodeMapper}
     * @param positionOf gives a mapped node's position; it must agree with {@code sortKey} and {@code id}
     */
    public <T> Window<T> page(
            String match,
            String sortKey,
            String id,
            String projection,
            Map<String, Object> parameters,
            ScrollSubrange subrange,
            Function<MapAccessor, T> nodeMapper,
            Function<T, Paging.Position> positionOf) {
        String after = subrange.forward() ? ">" : "<";
        String direction = subrange.forward() ? "ASC" : "DESC";
        String cypher = match + "\nWITH *, " + sortKey + " AS sortKey, " + id + " AS nodeId\n"
                + "WHERE $cursorKey IS NULL OR sortKey " + after + " $cursorKey\n"
                + "   OR (sortKey = $cursorKey AND nodeId " + after + " $cursorId)\n"
                + "RETURN " + projection + " AS value ORDER BY sortKey " + direction + ", nodeId " + direction
                + " LIMIT $limit";
        Paging.Position from = Paging.from(subrange).orElse(null);
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("cursorKey", from == null ? null : from.key());
        all.put("cursorId", from == null ? null : from.id());
        all.put("limit", Paging.size(subrange) + 1);
        return Paging.window(list(cypher, all, nodeMapper), subrange, positionOf);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
