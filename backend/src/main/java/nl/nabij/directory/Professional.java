package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A professional helper. Employer, teams and collaborators are separate batched fields. */
@Node("Professional")
public record Professional(@Id String id, String name, Discipline discipline) {

    /** Reads a professional from a node or a map projection of one. */
    public static Professional from(MapAccessor value) {
        return new Professional(
                value.get("id").asString(),
                value.get("name").asString(),
                Discipline.valueOf(value.get("discipline").asString()));
    }
}
