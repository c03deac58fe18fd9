package nl.nabij.seed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo municipality as it is stored in the seed files, one component per file. The files are the source of truth
 * for the loader; {@code DemoMunicipalityGenerator} (not in the jar) produces them and a test keeps the two equal.
 *
 * <p>Enumerated values use the exact spelling of the graph model, so a misspelt value in a hand-edited file fails
 * when it is read instead of ending up in the graph.
 */
public record SeedData(
        Municipality municipality,
        List<Organisation> organisations,
        List<Team> teams,
        List<Vindplaats> vindplaatsen,
        List<Professional> professionals,
        List<Household> households,
        List<Involvement> involvements,
        List<Collaboration> collaborations,
        List<Coordinator> coordinators,
        List<Application> applications) {

    /** Where the committed files live on the class path. */
    public static final String CLASSPATH_DIRECTORY = "/seed/";

    /** The address of the documented case, which the generator builds the case around. */
    static final String CASE_POSTCODE = "1311HV";

    static final int CASE_HOUSE_NUMBER = 15;

    public static final String MUNICIPALITY_FILE = "municipality.json";
    public static final String ORGANISATIONS_FILE = "organisations.json";
    public static final String TEAMS_FILE = "teams.json";
    public static final String VINDPLAATSEN_FILE = "vindplaatsen.json";
    public static final String PROFESSIONALS_FILE = "professionals.json";
    public static final String HOUSEHOLDS_FILE = "households.json";
    public static final String INVOLVEMENTS_FILE = "involvements.json";
    public static final String COLLABORATIONS_FILE = "collaborations.json";
    public static final String COORDINATORS_FILE = "coordinators.json";
    public static final String APPLICATIONS_FILE = "applications.json";

    /** Every seed file, in the order of the components. */
    public static final List<String> FILES = List.of(
            MUNICIPALITY_FILE,
            ORGANISATIONS_FILE,
            TEAMS_FILE,
            VINDPLAATSEN_FILE,
            PROFESSIONALS_FILE,
            HOUSEHOLDS_FILE,
            INVOLVEMENTS_FILE,
            COLLABORATIONS_FILE,
            COORDINATORS_FILE,
            APPLICATIONS_FILE);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    // Fixed "\n" and a space only after the colon, so the files are identical on every platform and read like
    // hand-written JSON; arrays get one element per line to keep diffs small.
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator(""))
                    .withArrayIndenter(INDENTER)
                    .withObjectIndenter(INDENTER));

    public SeedData {
        requireNonNull(municipality, "municipality");
        organisations = List.copyOf(organisations);
        teams = List.copyOf(teams);
        vindplaatsen = List.copyOf(vindplaatsen);
        professionals = List.copyOf(professionals);
        households = List.copyOf(households);
        involvements = List.copyOf(involvements);
        collaborations = List.copyOf(collaborations);
        coordinators = List.copyOf(coordinators);
        applications = List.copyOf(applications);
    }

    /**
     * The documented case: the household at {@link #CASE_POSTCODE} with fifteen professionals
     * around it, the one the README, the demo accounts and the tests all start from.
     */
    public Household caseHousehold() {
        return households.stream()
                .filter(h -> h.postcode().equals(CASE_POSTCODE) && h.houseNumber() == CASE_HOUSE_NUMBER)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the seed data lost its documented case"));
    }

    /** Reads the committed seed files from the class path. */
    public static SeedData fromClasspath() {
        return new SeedData(
                readObject(MUNICIPALITY_FILE, Municipality.class),
                readList(ORGANISATIONS_FILE, Organisation.class),
                readList(TEAMS_FILE, Team.class),
                readList(VINDPLAATSEN_FILE, Vindplaats.class),
                readList(PROFESSIONALS_FILE, Professional.class),
                readList(HOUSEHOLDS_FILE, Household.class),
                readList(INVOLVEMENTS_FILE, Involvement.class),
                readList(COLLABORATIONS_FILE, Collaboration.class),
                readList(COORDINATORS_FILE, Coordinator.class),
                readList(APPLICATIONS_FILE, Application.class));
    }

    /** Writes every component to its file in {@code directory}, creating the directory when needed. */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            write(directory, MUNICIPALITY_FILE, municipality);
            write(directory, ORGANISATIONS_FILE, organisations);
            write(directory, TEAMS_FILE, teams);
            write(directory, VINDPLAATSEN_FILE, vindplaatsen);
            write(directory, PROFESSIONALS_FILE, professionals);
            write(directory, HOUSEHOLDS_FILE, households);
            write(directory, INVOLVEMENTS_FILE, involvements);
            write(directory, COLLABORATIONS_FILE, collaborations);
            write(directory, COORDINATORS_FILE, coordinators);
            write(directory, APPLICATIONS_FILE, applications);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the seed files to " + directory, e);
        }
    }

    private static void write(Path directory, String file, Object value) throws IOException {
        Files.writeString(directory.resolve(file), WRITER.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }

    private static <T> T readObject(String file, Class<T> type) {
        try (InputStream in = open(file)) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }

    private static <T> List<T> readList(String file, Class<T> elementType) {
        try (InputStream in = open(file)) {
            return MAPPER.readerForListOf(elementType).readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = SeedData.class.getResourceAsStream(CLASSPATH_DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException("Seed file " + CLASSPATH_DIRECTORY + file + " is not on the class path");
        }
        return in;
    }

    public enum CareLine {
        ZERO,
        FIRST,
        SECOND
    }

    public enum OrganisationKind {
        MUNICIPALITY,
        CARE_GROUP,
        CLIENT_SUPPORT,
        VOLUNTEER_CENTRE,
        WELFARE,
        DISTRICT_NURSING,
        YOUTH_HEALTH_CARE,
        YOUTH_CARE,
        DEBT_COUNSELLING,
        MENTAL_HEALTH,
        GENERAL_PRACTICE,
        HOUSING,
        EDUCATION,
        SAFETY
    }

    public enum Discipline {
        SOCIAL_WORK,
        CLIENT_SUPPORT,
        WMO_CONSULTANCY,
        WORK_AND_INCOME,
        DEBT_COUNSELLING,
        DISTRICT_NURSING,
        YOUTH_HEALTH_CARE,
        YOUTH_CARE,
        MENTAL_HEALTH,
        GENERAL_PRACTICE,
        COMMUNITY_WORK,
        VOLUNTEER_COORDINATION,
        HOUSING,
        PROBATION,
        POLICE,
        SCHOOL_SOCIAL_WORK
    }

    public enum Domain {
        WMO,
        YOUTH,
        PARTICIPATION,
        ZVW,
        WLZ,
        DEBT,
        EDUCATION,
        SAFETY
    }

    public enum VindplaatsKind {
        FORMAL,
        INFORMAL
    }

    public enum VindplaatsCategory {
        SCHOOL(VindplaatsKind.FORMAL),
        CHURCH(VindplaatsKind.FORMAL),
        MOSQUE(VindplaatsKind.FORMAL),
        COMMUNITY_CENTRE(VindplaatsKind.FORMAL),
        HEALTH_CENTRE(VindplaatsKind.FORMAL),
        LIBRARY(VindplaatsKind.FORMAL),
        SPORTS_CLUB(VindplaatsKind.FORMAL),
        NEIGHBOURHOOD_WORKER(VindplaatsKind.INFORMAL),
        VOLUNTEER(VindplaatsKind.INFORMAL),
        TRUSTED_PERSON(VindplaatsKind.INFORMAL),
        CITIZEN_INITIATIVE(VindplaatsKind.INFORMAL);

        private final VindplaatsKind kind;

        VindplaatsCategory(VindplaatsKind kind) {
            this.kind = kind;
        }

        public VindplaatsKind kind() {
            return kind;
        }
    }

    public enum Role {
        ADULT,
        CHILD
    }

    public enum InvolvementStatus {
        ACTIVE,
        ENDED
    }

    /** Why an ended involvement ended; {@code EXPIRED} is the application's own and never in the seed. */
    public enum EndReason {
        GOAL_REACHED,
        REFERRED,
        MOVED,
        DECLINED,
        NO_LONGER_NEEDED
    }

    /** The laws a resident applies to the municipality under, each with a statutory term for the decision. */
    public enum Law {
        WMO,
        YOUTH,
        PARTICIPATION
    }

    public enum CollaborationKind {
        CASE_MEETING,
        PHONE_CALL,
        JOINT_VISIT
    }

    /** {@code character} describes the district for people reading the file; it is not part of the graph. */
    public record Municipality(String code, String name, List<District> districts) {
        public Municipality {
            requireNonNull(code, "code");
            requireNonNull(name, "name");
            districts = List.copyOf(districts);
        }
    }

    public record District(String code, String name, String character, List<Neighbourhood> neighbourhoods) {
        public District {
            requireNonNull(code, "code");
            requireNonNull(name, "name");
            neighbourhoods = List.copyOf(neighbourhoods);
        }
    }

    /**
     * A neighbourhood (buurt).
     *
     * @param postcodeAreas the four-digit postcode areas (PC4) that lie in it: the municipality's geography, which
     *     places a volunteer's postcode without looking at who lives there
     */
    public record Neighbourhood(String code, String name, List<String> postcodeAreas) {
        public Neighbourhood {
            requireNonNull(code, "code");
            requireNonNull(name, "name");
            postcodeAreas = postcodeAreas == null ? List.of() : List.copyOf(postcodeAreas);
        }
    }

    public record Organisation(String id, String name, OrganisationKind kind, CareLine careLine) {
        public Organisation {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(kind, "kind");
            requireNonNull(careLine, "careLine");
        }
    }

    /** A wijkteam; who is seconded to it is recorded on the professionals. */
    public record Team(String id, String name, List<String> serves, List<VindplaatsContact> vindplaatsContacts) {
        public Team {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            serves = List.copyOf(serves);
            vindplaatsContacts = List.copyOf(vindplaatsContacts);
        }
    }

    public record VindplaatsContact(String vindplaatsId, LocalDate since) {
        public VindplaatsContact {
            requireNonNull(vindplaatsId, "vindplaatsId");
            requireNonNull(since, "since");
        }
    }

    /**
     * A vindplaats; one with a {@code publicListing} chose to be on the public social map, with what it shows there.
     *
     * @param publicListing null for a place that is not public
     */
    public record Vindplaats(
            String id,
            String name,
            VindplaatsKind kind,
            VindplaatsCategory category,
            String neighbourhoodCode,
            PublicListing publicListing) {
        public Vindplaats {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(kind, "kind");
            requireNonNull(category, "category");
            requireNonNull(neighbourhoodCode, "neighbourhoodCode");
            if (category.kind() != kind) {
                throw new IllegalArgumentException("A " + category + " vindplaats is " + category.kind() + ", " + id);
            }
        }
    }

    /**
     * What a public vindplaats shows on the public social map: what it offers, and where it is when it has an address.
     *
     * @param street null for an initiative without an address of its own, and then so are the other address fields
     */
    public record PublicListing(String description, String street, Integer houseNumber, String postcode, String city) {
        public PublicListing {
            requireNonNull(description, "description");
            if ((street == null) != (postcode == null) || (street == null) != (houseNumber == null)) {
                throw new IllegalArgumentException("a public listing has a whole address or none: " + description);
            }
        }
    }

    /** {@code teamId} and {@code secondedSince} are both present for a professional seconded to a wijkteam. */
    public record Professional(
            String id,
            String name,
            Discipline discipline,
            String organisationId,
            String teamId,
            LocalDate secondedSince) {
        public Professional {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(discipline, "discipline");
            requireNonNull(organisationId, "organisationId");
            if ((teamId == null) != (secondedSince == null)) {
                throw new IllegalArgumentException("teamId and secondedSince go together, professional " + id);
            }
        }
    }

    public record Household(
            String id,
            String postcode,
            int houseNumber,
            String houseNumberAddition,
            String neighbourhoodCode,
            List<Member> members) {
        public Household {
            requireNonNull(id, "id");
            requireNonNull(postcode, "postcode");
            requireNonNull(neighbourhoodCode, "neighbourhoodCode");
            members = List.copyOf(members);
        }
    }

    /** A resident; the BSN is synthetic and is replaced by its pseudonym on the way into the graph. */
    public record Member(String id, String bsn, String displayName, int birthYear, Role role) {
        public Member {
            requireNonNull(id, "id");
            requireNonNull(bsn, "bsn");
            requireNonNull(displayName, "displayName");
            requireNonNull(role, "role");
        }
    }

    /**
     * {@code teamId} is present when the professional registered it as a member of a wijkteam; {@code endReason} and
     * {@code until} are present exactly when it ended.
     */
    public record Involvement(
            String id,
            String professionalId,
            String organisationId,
            String teamId,
            Target target,
            Domain domain,
            LocalDate since,
            LocalDate until,
            InvolvementStatus status,
            EndReason endReason) {
        public Involvement {
            requireNonNull(id, "id");
            requireNonNull(professionalId, "professionalId");
            requireNonNull(organisationId, "organisationId");
            requireNonNull(target, "target");
            requireNonNull(domain, "domain");
            requireNonNull(since, "since");
            requireNonNull(status, "status");
            if ((until == null) != (status == InvolvementStatus.ACTIVE)) {
                throw new IllegalArgumentException("An involvement is ENDED exactly when it has an until, " + id);
            }
            if ((endReason == null) != (status == InvolvementStatus.ACTIVE)) {
                throw new IllegalArgumentException("An involvement is ENDED exactly when it has an endReason, " + id);
            }
        }

        public boolean active() {
            return status == InvolvementStatus.ACTIVE;
        }
    }

    /** Exactly one of the two is present: the involvement concerns one resident or the household as a whole. */
    public record Target(String householdId, String residentId) {
        public Target {
            if ((householdId == null) == (residentId == null)) {
                throw new IllegalArgumentException("A target is either a household or a resident");
            }
        }

        public static Target household(String householdId) {
            return new Target(householdId, null);
        }

        public static Target resident(String residentId) {
            return new Target(null, residentId);
        }
    }

    /** Stored once per pair; the order of A and B carries no meaning. */
    public record Collaboration(String professionalA, String professionalB, LocalDate since, CollaborationKind kind) {
        public Collaboration {
            requireNonNull(professionalA, "professionalA");
            requireNonNull(professionalB, "professionalB");
            requireNonNull(since, "since");
            requireNonNull(kind, "kind");
        }
    }

    public record Coordinator(String householdId, String professionalId, LocalDate since) {
        public Coordinator {
            requireNonNull(householdId, "householdId");
            requireNonNull(professionalId, "professionalId");
            requireNonNull(since, "since");
        }
    }

    /**
     * An application for support (aanvraag) by or for a resident or a household, handled by a wijkteam; {@code
     * decidedOn} is absent while no decision has been made.
     */
    public record Application(
            String id, Law law, Target target, String teamId, LocalDate submittedOn, LocalDate decidedOn) {
        public Application {
            requireNonNull(id, "id");
            requireNonNull(law, "law");
            requireNonNull(target, "target");
            requireNonNull(teamId, "teamId");
            requireNonNull(submittedOn, "submittedOn");
            if (decidedOn != null && decidedOn.isBefore(submittedOn)) {
                throw new IllegalArgumentException("An application is decided on or after its submission, " + id);
            }
        }
    }
}
