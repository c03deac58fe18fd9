package nl.nabij.api;

/** A problem with one field of a mutation's input, returned in the payload; the mutation then changed nothing. */
public record InputError(String field, String code, String message) {}
