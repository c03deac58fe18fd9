package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A neighbourhood (buurt), keyed by its CBS code. */
@Node("Neighbourhood")
public record Neighbourhood(@Id String code, String name) {

    /** Reads a neighbourhood from a node or a map projection of one. */
    public static Neighbourhood from(MapAccessor value) {
        return new Neighbourhood(value.get("code").asString(), value.get("name").asString());
    }
}
