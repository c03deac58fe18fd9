package nl.nabij.steering;

import java.time.LocalDate;
import java.util.List;

/**
 * The area and period steering figures are asked for.
 *
 * @param code the CBS code of the neighbourhood or district
 * @param name its name
 * @param neighbourhoodCodes the neighbourhoods it covers: the one, or all of the district
 * @param from the first day of the period
 * @param to the last day of the period
 */
public record SteeringScope(String code, String name, List<String> neighbourhoodCodes, LocalDate from, LocalDate to) {}
