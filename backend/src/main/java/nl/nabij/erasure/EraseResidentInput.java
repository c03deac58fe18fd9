package nl.nabij.erasure;

/** The input of {@code eraseResident}: whose data, and the municipality's reference of the accepted request. */
record EraseResidentInput(String bsn, String requestReference) {}
