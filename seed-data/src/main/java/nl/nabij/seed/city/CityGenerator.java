package nl.nabij.seed.city;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import nl.nabij.seed.SeedData.CareLine;
import nl.nabij.seed.SeedData.CollaborationKind;
import nl.nabij.seed.SeedData.Discipline;
import nl.nabij.seed.SeedData.Domain;
import nl.nabij.seed.SeedData.EndReason;
import nl.nabij.seed.SeedData.Law;
import nl.nabij.seed.SeedData.OrganisationKind;
import nl.nabij.seed.SeedData.Role;
import nl.nabij.seed.SeedData.VindplaatsCategory;
import nl.nabij.seed.SeedData.VindplaatsKind;
import nl.nabij.seed.city.CityRecord.Application;
import nl.nabij.seed.city.CityRecord.Collaboration;
import nl.nabij.seed.city.CityRecord.Contact;
import nl.nabij.seed.city.CityRecord.Coordinator;
import nl.nabij.seed.city.CityRecord.District;
import nl.nabij.seed.city.CityRecord.Household;
import nl.nabij.seed.city.CityRecord.Involvement;
import nl.nabij.seed.city.CityRecord.Municipality;
import nl.nabij.seed.city.CityRecord.Neighbourhood;
import nl.nabij.seed.city.CityRecord.Organisation;
import nl.nabij.seed.city.CityRecord.Professional;
import nl.nabij.seed.city.CityRecord.Resident;
import nl.nabij.seed.city.CityRecord.Team;
import nl.nabij.seed.city.CityRecord.Vindplaats;

/**
 * A synthetic city of any size, handed out record by record so that a national size needs no more memory than a
 * town: it keeps one municipality's organisations and one district's professionals, never its households.
 *
 * <p>The city is cut into neighbourhoods of about {@value #RESIDENTS_PER_NEIGHBOURHOOD} residents, twelve to a
 * district and twelve districts to a municipality; each district has one wijkteam serving all its neighbourhoods.
 * Every neighbourhood, district and municipality draws from a random generator seeded with the city's seed and its own
 * index, so the same seed and size give the same city, record for record, whatever reads it.
 *
 * <p>Involvements follow a heavy tail: about seven in ten households have none, one in five one or two, and about one
 * in a hundred ten or more, from many organisations. Some involvements end {@code REFERRED} and another
 * organisation's involvement with the same resident or household takes over: a referral.
 */
public final class CityGenerator {

    /** Almere's CBS municipality number, for want of a reason to prefer another. */
    public static final long DEFAULT_SEED = 34;
    /** About Almere's population. */
    public static final int DEFAULT_RESIDENTS = 220_000;
    /** The day the city is drawn as of: involvements and applications lie before it. Fixed, for determinism. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    static final int RESIDENTS_PER_NEIGHBOURHOOD = 1_800;
    static final int NEIGHBOURHOODS_PER_DISTRICT = 12;
    static final int DISTRICTS_PER_MUNICIPALITY = 12;
    /** The most members a household gets. */
    static final int LARGEST_HOUSEHOLD = 7;

    // Fictional CBS codes: GM8001 upwards stays clear of the demo municipality GM9901 and of real codes.
    private static final int FIRST_MUNICIPALITY_NUMBER = 8001;
    private static final int LAST_MUNICIPALITY_NUMBER = 9899;
    private static final String POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";
    private static final List<String> POSTCODE_SUFFIXES = postcodeSuffixes();
    private static final int HOUSES_PER_POSTCODE = 28;

    private static final long NEIGHBOURHOOD_SALT = 0x4e42L;
    private static final long DISTRICT_SALT = 0x5744L;
    private static final long MUNICIPALITY_SALT = 0x474dL;

    private static final List<OrganisationPlan> ORGANISATIONS = List.of(
            new OrganisationPlan("municipality", "Gemeente %s", OrganisationKind.MUNICIPALITY, CareLine.FIRST),
            new OrganisationPlan("care", "Zorggroep %s", OrganisationKind.CARE_GROUP, CareLine.FIRST),
            new OrganisationPlan("support", "Cliëntondersteuning %s", OrganisationKind.CLIENT_SUPPORT, CareLine.FIRST),
            new OrganisationPlan(
                    "volunteers", "Vrijwilligerscentrale %s", OrganisationKind.VOLUNTEER_CENTRE, CareLine.ZERO),
            new OrganisationPlan("welfare", "Welzijn %s", OrganisationKind.WELFARE, CareLine.FIRST),
            new OrganisationPlan("nursing", "Wijkverpleging %s", OrganisationKind.DISTRICT_NURSING, CareLine.FIRST),
            new OrganisationPlan("nursing", "Thuiszorg De Linde %s", OrganisationKind.DISTRICT_NURSING, CareLine.FIRST),
            new OrganisationPlan("nursing", "Zorg Thuis %s", OrganisationKind.DISTRICT_NURSING, CareLine.FIRST),
            new OrganisationPlan("jgz", "JGZ %s", OrganisationKind.YOUTH_HEALTH_CARE, CareLine.FIRST),
            new OrganisationPlan("youth", "Jeugdhulp De Brug %s", OrganisationKind.YOUTH_CARE, CareLine.SECOND),
            new OrganisationPlan("youth", "Jeugdhulp Kompas %s", OrganisationKind.YOUTH_CARE, CareLine.SECOND),
            new OrganisationPlan("youth", "Jeugdbescherming %s", OrganisationKind.YOUTH_CARE, CareLine.SECOND),
            new OrganisationPlan("debt", "Schuldhulp %s", OrganisationKind.DEBT_COUNSELLING, CareLine.FIRST),
            new OrganisationPlan("mental", "GGZ Horizon %s", OrganisationKind.MENTAL_HEALTH, CareLine.SECOND),
            new OrganisationPlan("mental", "Praktijk Mentaal %s", OrganisationKind.MENTAL_HEALTH, CareLine.SECOND),
            new OrganisationPlan("mental", "GGZ De Oever %s", OrganisationKind.MENTAL_HEALTH, CareLine.SECOND),
            new OrganisationPlan("housing", "Woonstichting %s", OrganisationKind.HOUSING, CareLine.FIRST),
            new OrganisationPlan("housing", "Woningcorporatie De Sleutel %s", OrganisationKind.HOUSING, CareLine.FIRST),
            new OrganisationPlan(
                    "school", "Stichting Openbaar Onderwijs %s", OrganisationKind.EDUCATION, CareLine.FIRST),
            new OrganisationPlan(
                    "school", "Stichting Christelijk Onderwijs %s", OrganisationKind.EDUCATION, CareLine.FIRST),
            new OrganisationPlan("probation", "Reclassering Regio %s", OrganisationKind.SAFETY, CareLine.SECOND),
            new OrganisationPlan("police", "Politie Basisteam %s", OrganisationKind.SAFETY, CareLine.FIRST));

    /** Every district has two GP practices of its own, the one organisation kind that is local. */
    private static final String GENERAL_PRACTICE = "practice";

    // As in the evaluated pilots: wijkteams draw on welfare, client support, volunteers and the municipality.
    // District nursing and youth health care are seconded in a few districts only (see seconded()).
    private static final List<StaffPlan> TEAM_STAFF = List.of(
            new StaffPlan("care", Discipline.SOCIAL_WORK, 4),
            new StaffPlan("support", Discipline.CLIENT_SUPPORT, 2),
            new StaffPlan("volunteers", Discipline.VOLUNTEER_COORDINATION, 1),
            new StaffPlan("welfare", Discipline.COMMUNITY_WORK, 2),
            new StaffPlan("municipality", Discipline.WMO_CONSULTANCY, 3),
            new StaffPlan("municipality", Discipline.WORK_AND_INCOME, 2));

    private static final List<StaffPlan> OTHER_STAFF = List.of(
            new StaffPlan("municipality", Discipline.WMO_CONSULTANCY, 2),
            new StaffPlan("municipality", Discipline.WORK_AND_INCOME, 3),
            new StaffPlan("care", Discipline.SOCIAL_WORK, 2),
            new StaffPlan("nursing", Discipline.DISTRICT_NURSING, 9),
            new StaffPlan("jgz", Discipline.YOUTH_HEALTH_CARE, 4),
            new StaffPlan("youth", Discipline.YOUTH_CARE, 8),
            new StaffPlan("debt", Discipline.DEBT_COUNSELLING, 4),
            new StaffPlan("mental", Discipline.MENTAL_HEALTH, 6),
            new StaffPlan(GENERAL_PRACTICE, Discipline.GENERAL_PRACTICE, 4),
            new StaffPlan("housing", Discipline.HOUSING, 2),
            new StaffPlan("school", Discipline.SCHOOL_SOCIAL_WORK, 3),
            new StaffPlan("probation", Discipline.PROBATION, 1),
            new StaffPlan("police", Discipline.POLICE, 2));

    private static final Map<Domain, List<Discipline>> DISCIPLINES_OF_DOMAIN = disciplinesOfDomain();

    /** Why an involvement that was not referred ended, goals reached and help no longer needed most often. */
    private static final EndReason[] ORDINARY_END_REASONS = {
        EndReason.GOAL_REACHED,
        EndReason.GOAL_REACHED,
        EndReason.NO_LONGER_NEEDED,
        EndReason.NO_LONGER_NEEDED,
        EndReason.MOVED,
        EndReason.DECLINED
    };

    /** Domain weights for a drawn involvement, in the order of {@link Domain}. */
    private static final int[] DOMAIN_WEIGHTS = {22, 18, 16, 18, 3, 10, 7, 6};

    private final int residents;
    private final long seed;
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");

    private long residentsGenerated;
    private long householdsGenerated;
    private long involvementsGenerated;
    private long applicationsGenerated;

    public CityGenerator(int residents, long seed) {
        if (residents < 1) {
            throw new IllegalArgumentException("A city needs at least one resident");
        }
        this.residents = residents;
        this.seed = seed;
        int municipalities = Math.ceilDiv(districtCount(), DISTRICTS_PER_MUNICIPALITY);
        if (FIRST_MUNICIPALITY_NUMBER + municipalities - 1 > LAST_MUNICIPALITY_NUMBER) {
            throw new IllegalArgumentException("More residents than the fictional municipality codes can hold");
        }
    }

    public int residents() {
        return residents;
    }

    public long seed() {
        return seed;
    }

    /** How many residents were made so far; the reader has been handed all but the household being made. */
    public long residentsGenerated() {
        return residentsGenerated;
    }

    /** The codes of the city's municipalities, so a loader can see whether the city is already there. */
    public List<String> municipalityCodes() {
        List<String> codes = new ArrayList<>();
        for (int m = 0; m < Math.ceilDiv(districtCount(), DISTRICTS_PER_MUNICIPALITY); m++) {
            codes.add(municipalityCode(m));
        }
        return codes;
    }

    /**
     * Hands the whole city to {@code sink}, a record at a time. Every call hands out the same records in the same
     * order.
     */
    public void generate(Consumer<? super CityRecord> sink) {
        residentsGenerated = 0;
        householdsGenerated = 0;
        involvementsGenerated = 0;
        applicationsGenerated = 0;
        double[] share = neighbourhoodShares();
        int districts = districtCount();
        for (int m = 0; m * DISTRICTS_PER_MUNICIPALITY < districts; m++) {
            int firstDistrict = m * DISTRICTS_PER_MUNICIPALITY;
            int lastDistrict = Math.min(districts, firstDistrict + DISTRICTS_PER_MUNICIPALITY);
            generateMunicipality(m, firstDistrict, lastDistrict, share, sink);
        }
    }

    private int neighbourhoodCount() {
        return Math.ceilDiv(residents, RESIDENTS_PER_NEIGHBOURHOOD);
    }

    private int districtCount() {
        return Math.ceilDiv(neighbourhoodCount(), NEIGHBOURHOODS_PER_DISTRICT);
    }

    /**
     * Cumulative shares of the residents per neighbourhood: neighbourhoods differ in size by up to a factor of two and
     * a half, and the rounding of cumulative shares makes the parts add up to exactly the residents asked for.
     */
    private double[] neighbourhoodShares() {
        int count = neighbourhoodCount();
        double[] cumulative = new double[count + 1];
        for (int g = 0; g < count; g++) {
            cumulative[g + 1] =
                    cumulative[g] + 0.6 + 0.9 * random(NEIGHBOURHOOD_SALT, g).nextDouble();
        }
        for (int g = 0; g <= count; g++) {
            cumulative[g] /= cumulative[count];
        }
        return cumulative;
    }

    private int residentsOf(int neighbourhood, double[] share) {
        return (int) (Math.round(residents * share[neighbourhood + 1]) - Math.round(residents * share[neighbourhood]));
    }

    private void generateMunicipality(
            int m, int firstDistrict, int lastDistrict, double[] share, Consumer<? super CityRecord> sink) {
        String code = municipalityCode(m);
        String name = CityNames.municipality(m);
        sink.accept(new Municipality(code, name));
        for (int d = firstDistrict; d < lastDistrict; d++) {
            sink.accept(new District(districtCode(d), CityNames.district(d - firstDistrict), code));
        }
        for (int d = firstDistrict; d < lastDistrict; d++) {
            for (int g : neighbourhoodsOf(d)) {
                sink.accept(new Neighbourhood(
                        neighbourhoodCode(g),
                        CityNames.neighbourhood(d - firstDistrict, g % NEIGHBOURHOODS_PER_DISTRICT),
                        districtCode(d)));
            }
        }
        Map<String, List<Organisation>> organisations = new LinkedHashMap<>();
        for (OrganisationPlan plan : ORGANISATIONS) {
            Organisation organisation = new Organisation(
                    id("organisation", code + "-" + plan.name()),
                    plan.name().formatted(name),
                    plan.kind(),
                    plan.careLine());
            organisations.computeIfAbsent(plan.key(), key -> new ArrayList<>()).add(organisation);
            sink.accept(organisation);
        }
        for (int d = firstDistrict; d < lastDistrict; d++) {
            generateDistrict(d, d - firstDistrict, organisations, share, sink);
        }
    }

    private int[] neighbourhoodsOf(int district) {
        int first = district * NEIGHBOURHOODS_PER_DISTRICT;
        int last = Math.min(neighbourhoodCount(), first + NEIGHBOURHOODS_PER_DISTRICT);
        int[] neighbourhoods = new int[last - first];
        for (int g = first; g < last; g++) {
            neighbourhoods[g - first] = g;
        }
        return neighbourhoods;
    }

    private void generateDistrict(
            int d,
            int indexInMunicipality,
            Map<String, List<Organisation>> municipalOrganisations,
            double[] share,
            Consumer<? super CityRecord> sink) {
        SplittableRandom random = random(DISTRICT_SALT, d);
        String districtName = CityNames.district(indexInMunicipality);
        Map<String, List<Organisation>> organisations = new LinkedHashMap<>(municipalOrganisations);
        List<Organisation> practices = new ArrayList<>();
        for (String side : List.of("Noord", "Zuid")) {
            Organisation practice = new Organisation(
                    id("organisation", districtCode(d) + "-practice-" + side),
                    "Huisartsenpraktijk " + districtName + " " + side,
                    OrganisationKind.GENERAL_PRACTICE,
                    CareLine.FIRST);
            practices.add(practice);
            sink.accept(practice);
        }
        organisations.put(GENERAL_PRACTICE, practices);

        int[] neighbourhoods = neighbourhoodsOf(d);
        List<String> codes = new ArrayList<>();
        for (int g : neighbourhoods) {
            codes.add(neighbourhoodCode(g));
        }
        Team team = new Team(id("team", districtCode(d)), "Wijkteam " + districtName, codes);
        sink.accept(team);

        for (int g : neighbourhoods) {
            String neighbourhoodName = CityNames.neighbourhood(indexInMunicipality, g % NEIGHBOURHOODS_PER_DISTRICT);
            for (VindplaatsCategory category : vindplaatsCategories(random)) {
                Vindplaats vindplaats = new Vindplaats(
                        id("vindplaats", neighbourhoodCode(g) + "-" + category),
                        CityNames.vindplaats(category, neighbourhoodName),
                        category,
                        neighbourhoodCode(g));
                sink.accept(vindplaats);
                double contactChance = category.kind() == VindplaatsKind.FORMAL ? 0.5 : 0.15;
                if (random.nextDouble() < contactChance) {
                    sink.accept(new Contact(team.id(), vindplaats.id(), daysBefore(REFERENCE_DATE, 30, 3000, random)));
                }
            }
        }

        DistrictStaff staff = staff(d, team, organisations, random);
        staff.all().forEach(sink);
        collaborations(staff, random, sink);

        for (int g : neighbourhoods) {
            generateNeighbourhood(g, residentsOf(g, share), team, staff, sink);
        }
    }

    /** A school in every neighbourhood, one to three other formal places and one or two informal ones. */
    private static List<VindplaatsCategory> vindplaatsCategories(SplittableRandom random) {
        List<VindplaatsCategory> formal = List.of(
                VindplaatsCategory.CHURCH,
                VindplaatsCategory.MOSQUE,
                VindplaatsCategory.COMMUNITY_CENTRE,
                VindplaatsCategory.HEALTH_CENTRE,
                VindplaatsCategory.LIBRARY,
                VindplaatsCategory.SPORTS_CLUB);
        List<VindplaatsCategory> informal = List.of(
                VindplaatsCategory.NEIGHBOURHOOD_WORKER,
                VindplaatsCategory.VOLUNTEER,
                VindplaatsCategory.TRUSTED_PERSON,
                VindplaatsCategory.CITIZEN_INITIATIVE);
        List<VindplaatsCategory> chosen = new ArrayList<>();
        chosen.add(VindplaatsCategory.SCHOOL);
        chosen.addAll(distinct(formal, 1 + random.nextInt(3), random));
        chosen.addAll(distinct(informal, 1 + random.nextInt(2), random));
        return chosen;
    }

    private static <T> List<T> distinct(List<T> from, int count, SplittableRandom random) {
        List<T> remaining = new ArrayList<>(from);
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < count && !remaining.isEmpty(); i++) {
            chosen.add(remaining.remove(random.nextInt(remaining.size())));
        }
        return chosen;
    }

    /** The district's professionals: the wijkteam first, then everyone who works there from outside. */
    private record DistrictStaff(List<Professional> team, List<Professional> others) {

        List<Professional> all() {
            List<Professional> all = new ArrayList<>(team);
            all.addAll(others);
            return all;
        }

        Map<Discipline, List<Professional>> byDiscipline() {
            Map<Discipline, List<Professional>> byDiscipline = new EnumMap<>(Discipline.class);
            for (Professional professional : all()) {
                byDiscipline
                        .computeIfAbsent(professional.discipline(), key -> new ArrayList<>())
                        .add(professional);
            }
            return byDiscipline;
        }
    }

    private DistrictStaff staff(
            int d, Team team, Map<String, List<Organisation>> organisations, SplittableRandom random) {
        List<StaffPlan> teamPlan = new ArrayList<>(TEAM_STAFF);
        // Only some teams have a district nurse or a JGZ nurse seconded: the finding "teams without them" holds.
        if (d % 3 == 0) {
            teamPlan.add(new StaffPlan("nursing", Discipline.DISTRICT_NURSING, 1));
        }
        if (d % 4 == 1) {
            teamPlan.add(new StaffPlan("jgz", Discipline.YOUTH_HEALTH_CARE, 1));
        }
        List<Professional> members = new ArrayList<>();
        for (Professional professional : professionals(d, "team", teamPlan, organisations, random)) {
            members.add(new Professional(
                    professional.id(),
                    professional.name(),
                    professional.discipline(),
                    professional.organisationId(),
                    team.id(),
                    daysBefore(REFERENCE_DATE, 200, 3000, random)));
        }
        return new DistrictStaff(members, professionals(d, "other", OTHER_STAFF, organisations, random));
    }

    private List<Professional> professionals(
            int d,
            String group,
            List<StaffPlan> plans,
            Map<String, List<Organisation>> organisations,
            SplittableRandom random) {
        List<Professional> professionals = new ArrayList<>();
        for (StaffPlan plan : plans) {
            List<Organisation> employers = organisations.get(plan.organisation());
            for (int i = 0; i < plan.count(); i++) {
                Organisation employer = employers.get((d + i) % employers.size());
                professionals.add(new Professional(
                        id("professional", districtCode(d) + "-" + group + "-" + professionals.size()),
                        CityNames.person(random),
                        plan.discipline(),
                        employer.id(),
                        null,
                        null));
            }
        }
        return professionals;
    }

    /**
     * Silos: team members work together a lot, professionals from outside now and then. Each pair is made once, by
     * its earlier member in the district's list, so no pair is repeated and nothing needs remembering.
     */
    private void collaborations(DistrictStaff staff, SplittableRandom random, Consumer<? super CityRecord> sink) {
        List<Professional> all = staff.all();
        int teamSize = staff.team().size();
        for (int i = 0; i < all.size(); i++) {
            Set<Integer> partners = new HashSet<>();
            if (i < teamSize) {
                for (int j = i + 1; j < teamSize; j++) {
                    if (random.nextDouble() < 0.45) {
                        partners.add(j);
                    }
                }
            }
            int outsiders = i < teamSize ? random.nextInt(2) : random.nextInt(3);
            int firstOutsider = Math.max(i + 1, teamSize);
            for (int k = 0; k < outsiders && firstOutsider < all.size(); k++) {
                partners.add(firstOutsider + random.nextInt(all.size() - firstOutsider));
            }
            for (int j : partners.stream().sorted().toList()) {
                sink.accept(new Collaboration(
                        all.get(i).id(),
                        all.get(j).id(),
                        daysBefore(REFERENCE_DATE, 1, 1500, random),
                        pick(CollaborationKind.values(), random)));
            }
        }
    }

    private void generateNeighbourhood(
            int g, int quota, Team team, DistrictStaff staff, Consumer<? super CityRecord> sink) {
        SplittableRandom random = random(NEIGHBOURHOOD_SALT + 1, g);
        Map<Discipline, List<Professional>> byDiscipline = staff.byDiscipline();
        String code = neighbourhoodCode(g);
        String digits = Integer.toString(1000 + (300 + g) % 9000);
        int remaining = quota;
        for (int k = 0; remaining > 0; k++) {
            int size = Math.min(remaining, householdSize(random));
            remaining -= size;
            String suffix = POSTCODE_SUFFIXES.get(k / HOUSES_PER_POSTCODE % POSTCODE_SUFFIXES.size());
            Household household = new Household(
                    id("household", Long.toString(householdsGenerated)),
                    digits + suffix,
                    1 + k % HOUSES_PER_POSTCODE,
                    random.nextInt(40) == 0 ? "A" : null,
                    code,
                    members(size, random));
            householdsGenerated++;
            sink.accept(household);
            List<Involvement> involvements = involvements(household, team, byDiscipline, random);
            involvements.forEach(sink);
            coordinator(household, involvements, random, sink);
            applications(household, team, random, sink);
        }
    }

    /** Households of one to seven, about 2.2 on average as in Almere: many singles and couples, some large families. */
    private static int householdSize(SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < 370) {
            return 1;
        }
        if (draw < 680) {
            return 2;
        }
        if (draw < 810) {
            return 3;
        }
        if (draw < 940) {
            return 4;
        }
        if (draw < 985) {
            return 5;
        }
        return draw < 996 ? 6 : LARGEST_HOUSEHOLD;
    }

    private List<Resident> members(int size, SplittableRandom random) {
        int adults = size == 1 ? 1 : size == 2 ? (random.nextInt(5) == 0 ? 1 : 2) : (random.nextInt(10) < 7 ? 2 : 1);
        String surname = CityNames.surname(random);
        List<Resident> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean adult = i < adults;
            String familyName = adult && i > 0 && random.nextBoolean() ? CityNames.surname(random) : surname;
            long index = residentsGenerated++;
            members.add(new Resident(
                    id("resident", Long.toString(index)),
                    pseudonym(index),
                    CityNames.firstName(random) + " " + familyName,
                    REFERENCE_DATE.getYear() - (adult ? 18 + random.nextInt(70) : random.nextInt(18)),
                    adult ? Role.ADULT : Role.CHILD));
        }
        return members;
    }

    /**
     * The heavy tail: 70 % of households none, 14 % one, 7 % two, then a thinning tail up to sixteen. The share of
     * ten or more (0.8 %) are the multi-problem households the product is for.
     */
    private static int involvementCount(SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < 700) {
            return 0;
        }
        if (draw < 840) {
            return 1;
        }
        if (draw < 910) {
            return 2;
        }
        if (draw < 955) {
            return 3 + random.nextInt(2);
        }
        if (draw < 992) {
            return 5 + random.nextInt(5);
        }
        return 10 + random.nextInt(7);
    }

    private List<Involvement> involvements(
            Household household, Team team, Map<Discipline, List<Professional>> byDiscipline, SplittableRandom random) {
        int count = involvementCount(random);
        List<Involvement> involvements = new ArrayList<>(count);
        Set<String> helpers = new HashSet<>();
        for (int s = 0; s < count; s++) {
            Involvement previous = s == 0 ? null : involvements.get(s - 1);
            if (previous != null && canRefer(previous) && random.nextInt(5) == 0) {
                LocalDate referredOn = previous.since()
                        .plusDays(14
                                + random.nextInt((int) Math.min(
                                        400,
                                        REFERENCE_DATE.toEpochDay()
                                                - previous.since().toEpochDay()
                                                - 14)));
                involvements.set(s - 1, previous.referredOn(referredOn));
                Professional next = professional(previous.domain(), byDiscipline, helpers, previous, random);
                LocalDate since = referredOn.plusDays(random.nextInt(30));
                involvements.add(involvement(
                        next,
                        team,
                        previous.householdId(),
                        previous.residentId(),
                        previous.domain(),
                        since.isAfter(REFERENCE_DATE) ? REFERENCE_DATE : since,
                        random));
                continue;
            }
            Domain domain = Domain.values()[weighted(DOMAIN_WEIGHTS, random)];
            Resident child = anyOf(household.members(), Role.CHILD, random);
            if ((domain == Domain.YOUTH || domain == Domain.EDUCATION) && child == null) {
                domain = Domain.WMO;
            }
            String householdId = null;
            String residentId = null;
            if (domain == Domain.YOUTH || domain == Domain.EDUCATION) {
                residentId = child.id();
            } else if (random.nextInt(100) < 35) {
                householdId = household.id();
            } else {
                Resident adult = anyOf(household.members(), Role.ADULT, random);
                residentId = adult.id();
            }
            Professional professional = professional(domain, byDiscipline, helpers, null, random);
            LocalDate since = random.nextInt(100) < 18
                    ? daysBefore(REFERENCE_DATE, 60, 2000, random)
                    : daysBefore(REFERENCE_DATE, 0, 730, random);
            Involvement involvement = involvement(professional, team, householdId, residentId, domain, since, random);
            if (random.nextInt(100) < 18 && since.isBefore(REFERENCE_DATE.minusDays(14))) {
                long room = REFERENCE_DATE.toEpochDay() - since.toEpochDay() - 14;
                involvement = new Involvement(
                        involvement.id(),
                        involvement.professionalId(),
                        involvement.organisationId(),
                        involvement.teamId(),
                        householdId,
                        residentId,
                        domain,
                        since,
                        since.plusDays(14 + random.nextInt((int) Math.min(400, room) + 1)),
                        pick(ORDINARY_END_REASONS, random));
            }
            involvements.add(involvement);
        }
        return involvements;
    }

    /** Only an active involvement that began at least two weeks before the reference day can be referred on. */
    private static boolean canRefer(Involvement involvement) {
        return involvement.until() == null && involvement.since().isBefore(REFERENCE_DATE.minusDays(15));
    }

    private Involvement involvement(
            Professional professional,
            Team team,
            String householdId,
            String residentId,
            Domain domain,
            LocalDate since,
            SplittableRandom random) {
        boolean throughTeam = team.id().equals(professional.teamId()) && random.nextInt(10) < 8;
        return new Involvement(
                id("involvement", Long.toString(involvementsGenerated++)),
                professional.id(),
                professional.organisationId(),
                throughTeam ? team.id() : null,
                householdId,
                residentId,
                domain,
                since,
                null,
                null);
    }

    /**
     * A professional of a discipline that serves the domain, preferably one not yet helping this household; a
     * referral goes to another organisation than the one referring.
     */
    private static Professional professional(
            Domain domain,
            Map<Discipline, List<Professional>> byDiscipline,
            Set<String> helpers,
            Involvement referredFrom,
            SplittableRandom random) {
        List<Professional> candidates = new ArrayList<>();
        for (Discipline discipline : DISCIPLINES_OF_DOMAIN.get(domain)) {
            candidates.addAll(byDiscipline.getOrDefault(discipline, List.of()));
        }
        if (referredFrom != null) {
            candidates.removeIf(p -> p.organisationId().equals(referredFrom.organisationId()));
            if (candidates.isEmpty()) {
                byDiscipline.values().forEach(candidates::addAll);
                candidates.removeIf(p -> p.organisationId().equals(referredFrom.organisationId()));
            }
        }
        Professional chosen = candidates.get(random.nextInt(candidates.size()));
        for (int attempt = 0; attempt < 3 && helpers.contains(chosen.id()); attempt++) {
            chosen = candidates.get(random.nextInt(candidates.size()));
        }
        helpers.add(chosen.id());
        return chosen;
    }

    /** A third of the households with three or more organisations actively involved have a coordinator. */
    private static void coordinator(
            Household household,
            List<Involvement> involvements,
            SplittableRandom random,
            Consumer<? super CityRecord> sink) {
        List<Involvement> active =
                involvements.stream().filter(i -> i.until() == null).toList();
        long organisations =
                active.stream().map(Involvement::organisationId).distinct().count();
        if (organisations < 3 || random.nextInt(3) != 0) {
            return;
        }
        Involvement chosen =
                active.stream().filter(i -> i.teamId() != null).findFirst().orElse(active.get(0));
        LocalDate since = chosen.since().plusDays(random.nextInt(60));
        sink.accept(new Coordinator(
                household.id(), chosen.professionalId(), since.isAfter(REFERENCE_DATE) ? REFERENCE_DATE : since));
    }

    /**
     * About one household in ten applied for support in the last two years, a few twice. Most are decided within
     * weeks, some take months, and the youngest are still waiting.
     */
    private void applications(
            Household household, Team team, SplittableRandom random, Consumer<? super CityRecord> sink) {
        int draw = random.nextInt(1000);
        int count = draw < 15 ? 2 : draw < 100 ? 1 : 0;
        for (int a = 0; a < count; a++) {
            Law law = Law.values()[weighted(new int[] {55, 25, 20}, random)];
            Resident child = anyOf(household.members(), Role.CHILD, random);
            if (law == Law.YOUTH && child == null) {
                law = Law.WMO;
            }
            String householdId = law == Law.PARTICIPATION ? household.id() : null;
            String residentId = law == Law.YOUTH
                    ? child.id()
                    : law == Law.WMO
                            ? anyOf(household.members(), Role.ADULT, random).id()
                            : null;
            LocalDate submittedOn = daysBefore(REFERENCE_DATE, 0, 730, random);
            LocalDate decidedOn = random.nextInt(100) < 90 ? submittedOn.plusDays(3 + random.nextInt(140)) : null;
            sink.accept(new Application(
                    id("application", Long.toString(applicationsGenerated++)),
                    law,
                    submittedOn,
                    decidedOn == null || decidedOn.isAfter(REFERENCE_DATE) ? null : decidedOn,
                    householdId,
                    residentId,
                    team.id()));
        }
    }

    private static Resident anyOf(List<Resident> members, Role role, SplittableRandom random) {
        List<Resident> withRole = members.stream().filter(m -> m.role() == role).toList();
        return withRole.isEmpty() ? null : withRole.get(random.nextInt(withRole.size()));
    }

    private static int weighted(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: the draw is below the total");
    }

    private static <T> T pick(T[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static LocalDate daysBefore(LocalDate day, int least, int most, SplittableRandom random) {
        return day.minusDays(least + random.nextInt(most - least + 1));
    }

    private SplittableRandom random(long salt, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ salt * 0xBF58476D1CE4E5B9L ^ index);
    }

    private static String municipalityCode(int m) {
        return "GM" + (FIRST_MUNICIPALITY_NUMBER + m);
    }

    private String districtCode(int d) {
        int m = d / DISTRICTS_PER_MUNICIPALITY;
        return "WK%d%02d".formatted(FIRST_MUNICIPALITY_NUMBER + m, d % DISTRICTS_PER_MUNICIPALITY + 1);
    }

    private String neighbourhoodCode(int g) {
        int d = g / NEIGHBOURHOODS_PER_DISTRICT;
        return "BU%s%02d".formatted(districtCode(d).substring(2), g % NEIGHBOURHOODS_PER_DISTRICT + 1);
    }

    /**
     * The name-based UUID of the graph model, {@code UUID.nameUUIDFromBytes("nabij:<kind>:<key>")}, with the city's
     * seed in the key; computed with one reused digest because a city needs millions of them.
     */
    private String id(String kind, String localKey) {
        byte[] hash = md5.digest(("nabij:" + kind + ":city-" + seed + "-" + localKey).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) (hash[6] & 0x0f | 0x30);
        hash[8] = (byte) (hash[8] & 0x3f | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = most << 8 | hash[i] & 0xff;
            least = least << 8 | hash[i + 8] & 0xff;
        }
        return new UUID(most, least).toString();
    }

    private String pseudonym(long residentIndex) {
        byte[] hash = sha256.digest(
                ("nabij-city:" + seed + ":resident:" + residentIndex).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is unavailable in this JVM", e);
        }
    }

    private static List<String> postcodeSuffixes() {
        List<String> suffixes = new ArrayList<>();
        for (char first : POSTCODE_LETTERS.toCharArray()) {
            for (char second : POSTCODE_LETTERS.toCharArray()) {
                String suffix = "" + first + second;
                // Dutch postcodes never use SA, SD or SS.
                if (!List.of("SA", "SD", "SS").contains(suffix)) {
                    suffixes.add(suffix);
                }
            }
        }
        return List.copyOf(suffixes);
    }

    private static Map<Domain, List<Discipline>> disciplinesOfDomain() {
        Map<Domain, List<Discipline>> map = new EnumMap<>(Domain.class);
        map.put(
                Domain.WMO,
                List.of(
                        Discipline.WMO_CONSULTANCY,
                        Discipline.SOCIAL_WORK,
                        Discipline.CLIENT_SUPPORT,
                        Discipline.COMMUNITY_WORK,
                        Discipline.HOUSING));
        map.put(Domain.YOUTH, List.of(Discipline.YOUTH_CARE, Discipline.YOUTH_HEALTH_CARE));
        map.put(Domain.PARTICIPATION, List.of(Discipline.WORK_AND_INCOME, Discipline.VOLUNTEER_COORDINATION));
        map.put(
                Domain.ZVW,
                List.of(Discipline.DISTRICT_NURSING, Discipline.GENERAL_PRACTICE, Discipline.MENTAL_HEALTH));
        map.put(Domain.WLZ, List.of(Discipline.DISTRICT_NURSING));
        map.put(Domain.DEBT, List.of(Discipline.DEBT_COUNSELLING, Discipline.SOCIAL_WORK));
        map.put(Domain.EDUCATION, List.of(Discipline.SCHOOL_SOCIAL_WORK));
        map.put(Domain.SAFETY, List.of(Discipline.POLICE, Discipline.PROBATION));
        return map;
    }

    private record OrganisationPlan(String key, String name, OrganisationKind kind, CareLine careLine) {}

    private record StaffPlan(String organisation, Discipline discipline, int count) {}
}
