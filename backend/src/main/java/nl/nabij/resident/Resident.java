package nl.nabij.resident;

import org.neo4j.driver.types.MapAccessor;

/** A resident as professionals see them: a name, a birth year and their role at home; never the BSN. */
public record Resident(String id, String displayName, int birthYear, MemberRole role) {

    /** Reads a resident from a map projection that carries the membership's {@code role}. */
    public static Resident from(MapAccessor value) {
        return new Resident(
                value.get("id").asString(),
                value.get("displayName").asString(),
                value.get("birthYear").asInt(),
                MemberRole.valueOf(value.get("role").asString()));
    }
}
