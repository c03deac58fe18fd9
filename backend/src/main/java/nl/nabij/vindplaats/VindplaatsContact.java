package nl.nabij.vindplaats;

/** Who to reach at a vindplaats. The name is often a volunteer's or a neighbour's, so only staff see it. */
public record VindplaatsContact(String name, String email, String phone) {}
