package nl.nabij.household;

/**
 * A Dutch address as Nabij keys households: postcode without space, house number, optional addition (as
 * {@link nl.nabij.api.Addresses} normalises them).
 */
public record Address(String postcode, int houseNumber, String houseNumberAddition) {}
