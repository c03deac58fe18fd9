package nl.nabij.involvement;

import java.time.LocalDate;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import nl.nabij.directory.Team;
import nl.nabij.resident.Resident;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * An involvement with everything a reader of a household needs about it, loaded in the same query as the household's
 * other involvements: who, for which organisation, through which team, for whom, under which law and since when.
 *
 * @param legalBasis the AVG ground the professional processes the data on; PUBLIC_TASK where none was recorded
 * @param resident the member it concerns, or null when it concerns the household as a whole
 * @param team the wijkteam it runs through, or null
 * @param until the last day, or null while open
 * @param expiresOn while active, the last day it holds unless renewed; null for ended ones and unadopted imports
 * @param endReason why it ended, or null while active
 */
public record Involvement(
        String id,
        Professional professional,
        Organisation organisation,
        Team team,
        Domain domain,
        LegalBasis legalBasis,
        Resident resident,
        LocalDate since,
        LocalDate until,
        InvolvementStatus status,
        LocalDate expiresOn,
        EndReason endReason) {

    public boolean active() {
        return status == InvolvementStatus.ACTIVE;
    }

    /** Whether it held on that day: begun by then and not ended before it. */
    public boolean heldOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || !until.isBefore(day));
    }

    /** Reads the map projection the household queries build. */
    public static Involvement from(MapAccessor value) {
        return new Involvement(
                value.get("id").asString(),
                Professional.from(value.get("professional")),
                Organisation.from(value.get("organisation")),
                value.get("team").isNull() ? null : Team.from(value.get("team")),
                Domain.valueOf(value.get("domain").asString()),
                LegalBasis.stored(value.get("legalBasis").asString(null)),
                value.get("resident").isNull() ? null : Resident.from(value.get("resident")),
                value.get("since").asLocalDate(),
                dateOrNull(value.get("until")),
                InvolvementStatus.valueOf(value.get("status").asString()),
                dateOrNull(value.get("expiresOn")),
                value.get("endReason").isNull()
                        ? null
                        : EndReason.valueOf(value.get("endReason").asString()));
    }

    private static LocalDate dateOrNull(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
