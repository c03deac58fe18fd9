package nl.nabij.seed.city;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import nl.nabij.seed.SeedData.CareLine;
import nl.nabij.seed.SeedData.CollaborationKind;
import nl.nabij.seed.SeedData.Discipline;
import nl.nabij.seed.SeedData.Domain;
import nl.nabij.seed.SeedData.EndReason;
import nl.nabij.seed.SeedData.InvolvementStatus;
import nl.nabij.seed.SeedData.Law;
import nl.nabij.seed.SeedData.OrganisationKind;
import nl.nabij.seed.SeedData.Role;
import nl.nabij.seed.SeedData.VindplaatsCategory;
import nl.nabij.seed.SeedData.VindplaatsKind;

/**
 * One piece of the synthetic city as {@link CityGenerator} hands it out, in an order where everything a record refers
 * to was handed out before it. Property names and enumerated values are those of the graph model
 * ({@code graph-schema/README.md}).
 */
public sealed interface CityRecord {

    /** How many rows of the graph this record becomes: a household brings its members along. */
    default int rows() {
        return 1;
    }

    record Municipality(String code, String name) implements CityRecord {}

    record District(String code, String name, String municipalityCode) implements CityRecord {}

    record Neighbourhood(String code, String name, String districtCode) implements CityRecord {}

    record Organisation(String id, String name, OrganisationKind kind, CareLine careLine) implements CityRecord {}

    /** A wijkteam and the neighbourhoods it serves: all of its district's. */
    record Team(String id, String name, List<String> serves) implements CityRecord {
        public Team {
            serves = List.copyOf(serves);
        }
    }

    record Vindplaats(String id, String name, VindplaatsCategory category, String neighbourhoodCode)
            implements CityRecord {
        public VindplaatsKind kind() {
            return category.kind();
        }
    }

    /** A team in contact with a vindplaats. */
    record Contact(String teamId, String vindplaatsId, LocalDate since) implements CityRecord {}

    /** {@code teamId} and {@code secondedSince} are both present for a professional seconded to a wijkteam. */
    record Professional(
            String id,
            String name,
            Discipline discipline,
            String organisationId,
            String teamId,
            LocalDate secondedSince)
            implements CityRecord {}

    /** Once per pair; the order of A and B carries no meaning. */
    record Collaboration(String professionalA, String professionalB, LocalDate since, CollaborationKind kind)
            implements CityRecord {}

    record Household(
            String id,
            String postcode,
            int houseNumber,
            String houseNumberAddition,
            String neighbourhoodCode,
            List<Resident> members)
            implements CityRecord {
        public Household {
            members = List.copyOf(members);
        }

        @Override
        public int rows() {
            return 1 + members.size();
        }
    }

    /**
     * A member of a household. The pseudonym is 64 hex characters like the application's HMAC of a BSN, but it is the
     * SHA-256 of a synthetic counter: no BSN exists for these residents, so none can be found by BSN.
     */
    record Resident(String id, String pseudonym, String displayName, int birthYear, Role role) {}

    /**
     * Exactly one of {@code householdId} and {@code residentId} is present; {@code until} and {@code endReason} are
     * present exactly when it ended; {@code teamId} when the professional registered it through their wijkteam.
     */
    record Involvement(
            String id,
            String professionalId,
            String organisationId,
            String teamId,
            String householdId,
            String residentId,
            Domain domain,
            LocalDate since,
            LocalDate until,
            EndReason endReason)
            implements CityRecord {
        public Involvement {
            requireNonNull(since, "since");
            if ((householdId == null) == (residentId == null)) {
                throw new IllegalArgumentException("An involvement concerns a household or a resident, " + id);
            }
            if ((until == null) != (endReason == null)) {
                throw new IllegalArgumentException("until and endReason go together, " + id);
            }
        }

        public InvolvementStatus status() {
            return until == null ? InvolvementStatus.ACTIVE : InvolvementStatus.ENDED;
        }

        Involvement referredOn(LocalDate day) {
            return new Involvement(
                    id,
                    professionalId,
                    organisationId,
                    teamId,
                    householdId,
                    residentId,
                    domain,
                    since,
                    day,
                    EndReason.REFERRED);
        }
    }

    record Coordinator(String householdId, String professionalId, LocalDate since) implements CityRecord {}

    /**
     * An application for support, for a resident (Wmo, youth) or for the household as a whole (participation);
     * {@code decidedOn} is absent while no decision was made.
     */
    record Application(
            String id,
            Law law,
            LocalDate submittedOn,
            LocalDate decidedOn,
            String householdId,
            String residentId,
            String teamId)
            implements CityRecord {
        public Application {
            if ((householdId == null) == (residentId == null)) {
                throw new IllegalArgumentException("An application is for a household or a resident, " + id);
            }
        }
    }
}
