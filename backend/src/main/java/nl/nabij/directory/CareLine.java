package nl.nabij.directory;

/** The care line an organisation works in (nulde, eerste or tweede lijn). */
public enum CareLine {
    ZERO,
    FIRST,
    SECOND
}
