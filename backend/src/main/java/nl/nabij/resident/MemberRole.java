package nl.nabij.resident;

/** A resident's role in their household. */
public enum MemberRole {
    ADULT,
    CHILD
}
