package nl.nabij.vindplaats;

/** Whether a vindplaats is an institution or a person or initiative. */
public enum VindplaatsKind {
    FORMAL,
    INFORMAL
}
