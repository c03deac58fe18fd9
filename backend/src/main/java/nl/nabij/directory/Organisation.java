package nl.nabij.directory;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** An organisation or care provider. Its links are separate batched fields, never loaded with it. */
@Node("Organisation")
public record Organisation(@Id String id, String name, OrganisationKind kind, CareLine careLine) {

    /** Reads an organisation from a node or a map projection of one. */
    public static Organisation from(MapAccessor value) {
        return new Organisation(
                value.get("id").asString(),
                value.get("name").asString(),
                OrganisationKind.valueOf(value.get("kind").asString()),
                CareLine.valueOf(value.get("careLine").asString()));
    }
}
