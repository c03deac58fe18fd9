package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A wijkteam. Members, neighbourhoods and contacts are separate batched fields. */
@Node("Team")
public record Team(@Id String id, String name) {

    /** Reads a team from a node or a map projection of one. */
    public static Team from(MapAccessor value) {
        return new Team(value.get("id").asString(), value.get("name").asString());
    }
}
