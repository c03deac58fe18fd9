package nl.nabij.vindplaats;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A formal or informal place where problems are first noticed. */
@Node("Vindplaats")
public record Vindplaats(@Id String id, String name, VindplaatsKind kind, VindplaatsCategory category) {

    /** Reads a vindplaats from a node or a map projection of one. */
    public static Vindplaats from(MapAccessor value) {
        return new Vindplaats(
                value.get("id").asString(),
                value.get("name").asString(),
                VindplaatsKind.valueOf(value.get("kind").asString()),
                VindplaatsCategory.valueOf(value.get("category").asString()));
    }
}
