package nl.nabij.consent;

import java.time.LocalDate;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import nl.nabij.resident.Resident;
import org.neo4j.driver.types.MapAccessor;

/**
 * A resident's consent, with the one professional or organisation it was given to.
 *
 * @param professional null when given to an organisation
 * @param organisation null when given to a professional
 */
public record Consent(
        String id,
        String purpose,
        LocalDate until,
        ConsentStatus status,
        Professional professional,
        Organisation organisation,
        Resident givenBy) {

    /** Reads the projection of {@link ConsentQueries}; the status depends on the day it is read. */
    static Consent from(MapAccessor value, LocalDate today) {
        LocalDate until = value.get("until").asLocalDate();
        ConsentStatus status = !value.get("withdrawnAt").isNull()
                ? ConsentStatus.WITHDRAWN
                : until.isBefore(today) ? ConsentStatus.EXPIRED : ConsentStatus.ACTIVE;
        return new Consent(
                value.get("id").asString(),
                value.get("purpose").asString(),
                until,
                status,
                value.get("professional").isNull() ? null : Professional.from(value.get("professional")),
                value.get("organisation").isNull() ? null : Organisation.from(value.get("organisation")),
                Resident.from(value.get("givenBy")));
    }
}
