package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** The municipality this installation serves, keyed by its CBS code. */
@Node("Municipality")
public record Municipality(@Id String code, String name) {

    /** Reads a municipality from a node or a map projection of one. */
    public static Municipality from(MapAccessor value) {
        return new Municipality(value.get("code").asString(), value.get("name").asString());
    }
}
