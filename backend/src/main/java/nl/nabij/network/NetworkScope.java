package nl.nabij.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The area and the day a network is asked for.
 *
 * @param code the CBS code of the neighbourhood or district
 * @param name its name
 * @param neighbourhoodCodes the neighbourhoods it covers: the one, or all of the district
 */
public record NetworkScope(String code, String name, List<String> neighbourhoodCodes, LocalDate asOf) {}
