package nl.nabij.vindplaats;

/**
 * Where a vindplaats is. The postcode is kept as households keep it, four digits and two capitals without a space,
 * so a postcode finds the neighbourhood its households lie in.
 */
public record VindplaatsAddress(
        String street, Integer houseNumber, String houseNumberAddition, String postcode, String city) {}
