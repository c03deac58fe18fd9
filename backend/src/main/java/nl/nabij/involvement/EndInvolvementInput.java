package nl.nabij.involvement;

import java.time.LocalDate;

/** The input of {@code endInvolvement}. */
record EndInvolvementInput(String involvementId, LocalDate until, EndReason reason) {}
