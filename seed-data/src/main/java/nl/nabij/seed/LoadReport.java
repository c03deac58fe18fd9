package nl.nabij.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DemoDataLoader#load()} wrote: per node label and per relationship type, the number of rows merged. A
 * second load reports the same numbers, because merging an existing node or relationship counts as writing it.
 *
 * @param nodes node label to count, in load order
 * @param relationships relationship type to count, in load order
 */
public record LoadReport(Map<String, Integer> nodes, Map<String, Integer> relationships) {

    public LoadReport {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    }

    public int nodeCount() {
        return nodes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int relationshipCount() {
        return relationships.values().stream().mapToInt(Integer::intValue).sum();
    }
}
