package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A district (wijk), keyed by its CBS code. */
@Node("District")
public record District(@Id String code, String name) {

    /** Reads a district from a node or a map projection of one. */
    public static District from(MapAccessor value) {
        return new District(value.get("code").asString(), value.get("name").asString());
    }
}
