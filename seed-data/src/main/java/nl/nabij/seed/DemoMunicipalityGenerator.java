package nl.nabij.seed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import nl.nabij.seed.SeedData.Application;
import nl.nabij.seed.SeedData.CareLine;
import nl.nabij.seed.SeedData.Collaboration;
import nl.nabij.seed.SeedData.CollaborationKind;
import nl.nabij.seed.SeedData.Coordinator;
import nl.nabij.seed.SeedData.Discipline;
import nl.nabij.seed.SeedData.District;
import nl.nabij.seed.SeedData.Domain;
import nl.nabij.seed.SeedData.EndReason;
import nl.nabij.seed.SeedData.Household;
import nl.nabij.seed.SeedData.Involvement;
import nl.nabij.seed.SeedData.InvolvementStatus;
import nl.nabij.seed.SeedData.Law;
import nl.nabij.seed.SeedData.Member;
import nl.nabij.seed.SeedData.Municipality;
import nl.nabij.seed.SeedData.Neighbourhood;
import nl.nabij.seed.SeedData.Organisation;
import nl.nabij.seed.SeedData.OrganisationKind;
import nl.nabij.seed.SeedData.Professional;
import nl.nabij.seed.SeedData.PublicListing;
import nl.nabij.seed.SeedData.Role;
import nl.nabij.seed.SeedData.Target;
import nl.nabij.seed.SeedData.Team;
import nl.nabij.seed.SeedData.Vindplaats;
import nl.nabij.seed.SeedData.VindplaatsCategory;
import nl.nabij.seed.SeedData.VindplaatsContact;

/**
 * Generates the fictional municipality Nieuwstad and writes it as the seed files. The output depends on nothing but
 * the fixed seed, so running it twice gives byte-identical files; change the generator and the files together.
 *
 * <p>The data carries the findings the product is about: one household in Haven with fifteen helpers who barely
 * coordinate and have no coordinator, wijkteams without district nursing or youth health care, and a Haven team that
 * knows none of its informal vindplaatsen.
 */
public final class DemoMunicipalityGenerator {

    static final String HAVEN = "WK990101";
    static final String POORT = "WK990102";

    private static final String DEFAULT_OUTPUT = "seed-data/src/main/resources/seed";
    private static final long SEED = 20_150_101L;
    private static final int REFERENCE_YEAR = 2026;
    private static final LocalDate FIRST_INVOLVEMENT = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(2026, 10, 31);
    private static final double ENDED_SHARE = 0.15;
    // Wijkteams are the entry point that hands residents on, so their members end by referral more often.
    private static final int REFERRED_PERCENT_VIA_TEAM = 65;
    private static final int REFERRED_PERCENT_OTHERWISE = 30;
    private static final Map<EndReason, Integer> OTHER_END_REASONS = new EnumMap<>(Map.of(
            EndReason.GOAL_REACHED, 50, EndReason.NO_LONGER_NEEDED, 25, EndReason.DECLINED, 15, EndReason.MOVED, 10));
    // How often a team member who can refer to their own employer does: the cliëntisme the steering figures show.
    private static final int OWN_EMPLOYER_PERCENT = 70;
    private static final int APPLICATIONS = 320;
    private static final LocalDate FIRST_APPLICATION = LAST_DATE.minusMonths(18).plusDays(1);
    // Both pilots started here; Haven's long waits for household help shorten from then on.
    private static final LocalDate PILOT_START = LocalDate.of(2026, 5, 1);
    private static final int STATUTORY_TERM_DAYS = 56;
    // Dutch postcodes skip letters that are easily misread; SA, SD and SS are never issued.
    private static final String POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";
    private static final Set<String> FORBIDDEN_POSTCODE_LETTERS = Set.of("SA", "SD", "SS");
    private static final List<String> HOUSE_NUMBER_ADDITIONS = List.of("A", "B", "1", "2", "bis");

    private static final List<Area> AREAS = List.of(
            new Area("BU99010101", "Havenkwartier", "1311", HAVEN, 48),
            new Area("BU99010102", "Kerkbuurt", "1312", HAVEN, 52),
            new Area("BU99010103", "Molenwijk", "1313", HAVEN, 47),
            new Area("BU99010104", "Dijkzicht", "1314", HAVEN, 53),
            new Area("BU99010201", "Poortplein", "1361", POORT, 51),
            new Area("BU99010202", "Sterrenbuurt", "1362", POORT, 49),
            new Area("BU99010203", "Rietlanden", "1363", POORT, 54),
            new Area("BU99010204", "Zilverweide", "1364", POORT, 46));

    private static final List<OrganisationPlan> ORGANISATIONS = List.of(
            new OrganisationPlan("gemeente", "Gemeente Nieuwstad", OrganisationKind.MUNICIPALITY, CareLine.FIRST, null),
            new OrganisationPlan("zorggroep", "Zorggroep Nieuwstad", OrganisationKind.CARE_GROUP, CareLine.FIRST, null),
            new OrganisationPlan(
                    "samen", "Cliëntondersteuning Samen", OrganisationKind.CLIENT_SUPPORT, CareLine.FIRST, null),
            new OrganisationPlan(
                    "vrijwilligers",
                    "Vrijwilligerscentrale Nieuwstad",
                    OrganisationKind.VOLUNTEER_CENTRE,
                    CareLine.ZERO,
                    null),
            new OrganisationPlan("welzijn", "Welzijn Nieuwstad", OrganisationKind.WELFARE, CareLine.FIRST, null),
            new OrganisationPlan(
                    "wijkzorg", "Wijkzorg Dichtbij", OrganisationKind.DISTRICT_NURSING, CareLine.FIRST, null),
            new OrganisationPlan(
                    "linde", "Thuiszorg De Linde", OrganisationKind.DISTRICT_NURSING, CareLine.FIRST, null),
            new OrganisationPlan("jgz", "JGZ Nieuwstad", OrganisationKind.YOUTH_HEALTH_CARE, CareLine.FIRST, null),
            new OrganisationPlan("brug", "Jeugdhulp De Brug", OrganisationKind.YOUTH_CARE, CareLine.SECOND, null),
            new OrganisationPlan(
                    "jeugdbescherming",
                    "Jeugdbescherming Nieuwstad",
                    OrganisationKind.YOUTH_CARE,
                    CareLine.SECOND,
                    null),
            new OrganisationPlan(
                    "schuldhulp", "Schuldhulp Nieuwstad", OrganisationKind.DEBT_COUNSELLING, CareLine.FIRST, null),
            new OrganisationPlan("ggz", "GGZ Horizon", OrganisationKind.MENTAL_HEALTH, CareLine.SECOND, null),
            new OrganisationPlan(
                    "mentaal", "Praktijk Mentaal Nieuwstad", OrganisationKind.MENTAL_HEALTH, CareLine.SECOND, null),
            new OrganisationPlan(
                    "kade", "Huisartsenpraktijk De Kade", OrganisationKind.GENERAL_PRACTICE, CareLine.FIRST, HAVEN),
            new OrganisationPlan(
                    "poortplein",
                    "Huisartsenpraktijk Poortplein",
                    OrganisationKind.GENERAL_PRACTICE,
                    CareLine.FIRST,
                    POORT),
            new OrganisationPlan(
                    "woonstichting",
                    "Woonstichting Thuis in Nieuwstad",
                    OrganisationKind.HOUSING,
                    CareLine.FIRST,
                    null),
            new OrganisationPlan(
                    "openbaar",
                    "Stichting Openbaar Onderwijs Nieuwstad",
                    OrganisationKind.EDUCATION,
                    CareLine.FIRST,
                    null),
            new OrganisationPlan(
                    "christelijk",
                    "Stichting Christelijk Onderwijs Nieuwstad",
                    OrganisationKind.EDUCATION,
                    CareLine.FIRST,
                    null),
            new OrganisationPlan(
                    "reclassering", "Reclassering Regio Nieuwstad", OrganisationKind.SAFETY, CareLine.SECOND, null),
            new OrganisationPlan(
                    "politie", "Politie Basisteam Nieuwstad", OrganisationKind.SAFETY, CareLine.FIRST, null));

    // As in the evaluated pilots: the wijkteams draw on welfare, client support, volunteers and the municipality;
    // district nursing and youth health care stay outside.
    private static final List<StaffPlan> TEAM_STAFF = List.of(
            new StaffPlan("zorggroep", Discipline.SOCIAL_WORK, 3),
            new StaffPlan("samen", Discipline.CLIENT_SUPPORT, 2),
            new StaffPlan("vrijwilligers", Discipline.VOLUNTEER_COORDINATION, 1),
            new StaffPlan("welzijn", Discipline.COMMUNITY_WORK, 2),
            new StaffPlan("gemeente", Discipline.WMO_CONSULTANCY, 2),
            new StaffPlan("gemeente", Discipline.WORK_AND_INCOME, 1));

    private static final List<StaffPlan> OTHER_STAFF = List.of(
            new StaffPlan("gemeente", Discipline.WMO_CONSULTANCY, 2),
            new StaffPlan("gemeente", Discipline.WORK_AND_INCOME, 2),
            new StaffPlan("zorggroep", Discipline.SOCIAL_WORK, 2),
            new StaffPlan("welzijn", Discipline.COMMUNITY_WORK, 1),
            new StaffPlan("wijkzorg", Discipline.DISTRICT_NURSING, 6),
            new StaffPlan("linde", Discipline.DISTRICT_NURSING, 4),
            new StaffPlan("jgz", Discipline.YOUTH_HEALTH_CARE, 5),
            new StaffPlan("brug", Discipline.YOUTH_CARE, 5),
            new StaffPlan("jeugdbescherming", Discipline.YOUTH_CARE, 2),
            new StaffPlan("schuldhulp", Discipline.DEBT_COUNSELLING, 4),
            new StaffPlan("ggz", Discipline.MENTAL_HEALTH, 4),
            new StaffPlan("mentaal", Discipline.MENTAL_HEALTH, 2),
            new StaffPlan("kade", Discipline.GENERAL_PRACTICE, 4),
            new StaffPlan("poortplein", Discipline.GENERAL_PRACTICE, 4),
            new StaffPlan("woonstichting", Discipline.HOUSING, 3),
            new StaffPlan("openbaar", Discipline.SCHOOL_SOCIAL_WORK, 2),
            new StaffPlan("christelijk", Discipline.SCHOOL_SOCIAL_WORK, 2),
            new StaffPlan("reclassering", Discipline.PROBATION, 2),
            new StaffPlan("politie", Discipline.POLICE, 2));

    /**
     * The places that chose to be on the public social map: community centres, libraries, sports clubs and the
     * informal initiatives that want newcomers to find them. Schools, places of worship, health centres, neighbourhood
     * workers and trusted persons are reached through the wijkteam, so they stay off it.
     */
    private static final Map<String, PublicListing> PUBLIC_LISTINGS = Map.of(
            "schakel",
            new PublicListing(
                    "Buurthuis met inloop op werkdagen, koffie, spreekuur van het wijkteam en activiteiten voor"
                            + " ouderen en kinderen.",
                    "Havenstraat",
                    12,
                    "1311AB",
                    "Nieuwstad"),
            "bieb-haven",
            new PublicListing(
                    "Bibliotheek met Digitaal Café, hulp bij formulieren van de overheid en voorleesochtenden.",
                    "Kadeplein",
                    3,
                    "1311AC",
                    "Nieuwstad"),
            "sv-haven",
            new PublicListing(
                    "Voetbal en gym voor alle leeftijden; een jeugdfonds betaalt de contributie als dat nodig is.",
                    "Sportlaan",
                    40,
                    "1314AD",
                    "Nieuwstad"),
            "voedselhulp",
            new PublicListing(
                    "Vrijwilligers die wekelijks een voedselpakket uitdelen en meedenken over geldzorgen.",
                    "Havenstraat",
                    14,
                    "1311AB",
                    "Nieuwstad"),
            "taalcafe",
            new PublicListing(
                    "Elke week samen Nederlands oefenen met vrijwilligers, voor iedereen die de taal leert.",
                    "Molenweg",
                    8,
                    "1313AE",
                    "Nieuwstad"),
            "samen-havenkwartier",
            new PublicListing(
                    "Bewoners die samen eten, de buurt schoonhouden en nieuwe buren welkom heten.",
                    null,
                    null,
                    null,
                    null),
            "wijkcentrum-poort",
            new PublicListing(
                    "Wijkcentrum met inloop, kookclub, beweegles voor ouderen en spreekuur van het wijkteam.",
                    "Poortplein",
                    1,
                    "1361AB",
                    "Nieuwstad"),
            "bieb-poort",
            new PublicListing(
                    "Bibliotheek met taalhuis, huiswerkplekken en hulp bij de computer.",
                    "Sterrenlaan",
                    20,
                    "1362AC",
                    "Nieuwstad"),
            "sv-zilverweide",
            new PublicListing(
                    "Sportvereniging met zwemmen, tennis en wandelvoetbal voor ouderen.",
                    "Zilverweg",
                    55,
                    "1364AD",
                    "Nieuwstad"),
            "huiswerkklas",
            new PublicListing(
                    "Vrijwilligers helpen kinderen van groep 6 tot de brugklas met hun huiswerk, drie middagen per week.",
                    "Rietkade",
                    9,
                    "1363AE",
                    "Nieuwstad"));

    private static final List<VindplaatsPlan> VINDPLAATSEN = List.of(
            new VindplaatsPlan("vuurtoren", "Basisschool De Vuurtoren", VindplaatsCategory.SCHOOL, "BU99010101"),
            new VindplaatsPlan("anker", "Basisschool Het Anker", VindplaatsCategory.SCHOOL, "BU99010103"),
            new VindplaatsPlan("kadekerk", "Kerk aan de Kade", VindplaatsCategory.CHURCH, "BU99010102"),
            new VindplaatsPlan("moskee-haven", "Moskee Haven", VindplaatsCategory.MOSQUE, "BU99010104"),
            new VindplaatsPlan("schakel", "Buurthuis De Schakel", VindplaatsCategory.COMMUNITY_CENTRE, "BU99010101"),
            new VindplaatsPlan("gc-haven", "Gezondheidscentrum Haven", VindplaatsCategory.HEALTH_CENTRE, "BU99010102"),
            new VindplaatsPlan("bieb-haven", "Bibliotheek Haven", VindplaatsCategory.LIBRARY, "BU99010101"),
            new VindplaatsPlan("sv-haven", "Sportvereniging Haven", VindplaatsCategory.SPORTS_CLUB, "BU99010104"),
            new VindplaatsPlan(
                    "concierge-kerkbuurt",
                    "Buurtconciërge Kerkbuurt",
                    VindplaatsCategory.NEIGHBOURHOOD_WORKER,
                    "BU99010102"),
            new VindplaatsPlan(
                    "voedselhulp", "Vrijwilligers Voedselhulp Haven", VindplaatsCategory.VOLUNTEER, "BU99010101"),
            new VindplaatsPlan("taalcafe", "Taalcafé Molenwijk", VindplaatsCategory.VOLUNTEER, "BU99010103"),
            new VindplaatsPlan(
                    "sleutelfiguur-dijkzicht",
                    "Sleutelfiguur Dijkzicht",
                    VindplaatsCategory.TRUSTED_PERSON,
                    "BU99010104"),
            new VindplaatsPlan(
                    "samen-havenkwartier",
                    "Bewonersinitiatief Samen Havenkwartier",
                    VindplaatsCategory.CITIZEN_INITIATIVE,
                    "BU99010101"),
            new VindplaatsPlan("regenboog", "Basisschool De Regenboog", VindplaatsCategory.SCHOOL, "BU99010201"),
            new VindplaatsPlan("sterrenpad", "Kindcentrum Sterrenpad", VindplaatsCategory.SCHOOL, "BU99010202"),
            new VindplaatsPlan("ontmoeting", "Kerk De Ontmoeting", VindplaatsCategory.CHURCH, "BU99010203"),
            new VindplaatsPlan("evangelisch", "Evangelische Gemeente Poort", VindplaatsCategory.CHURCH, "BU99010204"),
            new VindplaatsPlan(
                    "wijkcentrum-poort", "Wijkcentrum De Poort", VindplaatsCategory.COMMUNITY_CENTRE, "BU99010201"),
            new VindplaatsPlan(
                    "gc-poortplein", "Gezondheidscentrum Poortplein", VindplaatsCategory.HEALTH_CENTRE, "BU99010201"),
            new VindplaatsPlan("bieb-poort", "Bibliotheek Poort", VindplaatsCategory.LIBRARY, "BU99010202"),
            new VindplaatsPlan(
                    "sv-zilverweide", "Sportvereniging Zilverweide", VindplaatsCategory.SPORTS_CLUB, "BU99010204"),
            new VindplaatsPlan(
                    "concierge-sterrenbuurt",
                    "Buurtconciërge Sterrenbuurt",
                    VindplaatsCategory.NEIGHBOURHOOD_WORKER,
                    "BU99010202"),
            new VindplaatsPlan(
                    "huiswerkklas", "Vrijwilligers Huiswerkklas Poort", VindplaatsCategory.VOLUNTEER, "BU99010203"),
            new VindplaatsPlan(
                    "sleutelfiguur-rietlanden",
                    "Sleutelfiguur Rietlanden",
                    VindplaatsCategory.TRUSTED_PERSON,
                    "BU99010203"),
            new VindplaatsPlan(
                    "moeders-van-poort",
                    "Bewonersinitiatief Moeders van Poort",
                    VindplaatsCategory.CITIZEN_INITIATIVE,
                    "BU99010201"));

    // Haven's team knows a few of its formal places and none of its informal ones: the "missing links" finding.
    private static final Map<String, List<ContactPlan>> TEAM_CONTACTS = Map.of(
            HAVEN,
            List.of(
                    new ContactPlan("schakel", LocalDate.of(2019, 3, 1)),
                    new ContactPlan("vuurtoren", LocalDate.of(2021, 9, 1)),
                    new ContactPlan("gc-haven", LocalDate.of(2022, 2, 14))),
            POORT,
            List.of(
                    new ContactPlan("wijkcentrum-poort", LocalDate.of(2018, 5, 15)),
                    new ContactPlan("regenboog", LocalDate.of(2019, 9, 2)),
                    new ContactPlan("sterrenpad", LocalDate.of(2020, 1, 13)),
                    new ContactPlan("gc-poortplein", LocalDate.of(2021, 4, 6)),
                    new ContactPlan("bieb-poort", LocalDate.of(2023, 10, 2)),
                    new ContactPlan("concierge-sterrenbuurt", LocalDate.of(2022, 6, 20)),
                    new ContactPlan("moeders-van-poort", LocalDate.of(2024, 3, 11))));

    // First names (female, male) and surnames of the backgrounds common in Almere-like towns, weighted roughly.
    private static final List<NamePool> NAME_POOLS = List.of(
            NamePool.of(
                    55,
                    "Anouk, Sanne, Lotte, Fleur, Eva, Lisa, Noor, Emma, Julia, Sophie, Iris, Femke, Marieke, Esther,"
                            + " Linda, Monique, Ingrid, Petra, Wilma, Annemiek",
                    "Daan, Bram, Ruben, Thijs, Sem, Lucas, Jesse, Mark, Jeroen, Bas, Niels, Erik, Peter, Kees, Henk,"
                            + " Wim, Gerard, Martijn, Sander, Rob",
                    "de Vries, Jansen, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters,"
                            + " Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf,"
                            + " van der Meer, Kok, Jacobs, Vermeulen, van Dijk, Koster, Prins, Postma, Huisman,"
                            + " Kuipers"),
            NamePool.of(
                    12,
                    "Shanti, Priya, Sharon, Gianna, Roshni, Chandni, Naomi, Denise",
                    "Rajesh, Ravi, Roy, Dylan, Sunil, Glenn, Anand, Romano",
                    "Ramdin, Sewdien, Bhagwandin, Kromodimedjo, Pinas, Renfurm, Doekhie, Jagesar, Mahabier, Biharie"),
            NamePool.of(
                    10,
                    "Fatima, Nadia, Samira, Yasmina, Khadija, Salma, Imane, Hanna",
                    "Mohamed, Yassin, Soufiane, Bilal, Anouar, Karim, Ilias, Adam",
                    "El Amrani, Bouzid, Azzouzi, El Idrissi, Benali, Ouali, Chaouch, El Khatib, Haddou, Tahiri"),
            NamePool.of(
                    8,
                    "Ayşe, Elif, Zeynep, Esra, Merve, Fatma, Büşra, Derya",
                    "Mehmet, Emre, Yusuf, Burak, Kerem, Mustafa, Hakan, Onur",
                    "Yılmaz, Kaya, Demir, Çelik, Şahin, Yıldız, Aydın, Öztürk, Arslan, Doğan"),
            NamePool.of(
                    5,
                    "Shanaira, Jessica, Mirella, Giselle, Sharella",
                    "Ruthsel, Jurich, Curtis, Jearson, Dwayne",
                    "Martina, Isenia, Cijntje, Maduro, Rosaria, Statia"),
            NamePool.of(
                    5,
                    "Akosua, Abena, Ama, Efua, Gifty",
                    "Kwame, Kofi, Yaw, Kwabena, Emmanuel",
                    "Mensah, Owusu, Boateng, Asante, Appiah, Osei, Agyeman"),
            NamePool.of(
                    5,
                    "Agnieszka, Katarzyna, Magda, Joanna, Ewa",
                    "Piotr, Tomasz, Krzysztof, Marek, Paweł",
                    "Nowak, Wójcik, Mazur, Krawczyk, Kaczmarek, Pawlak, Sikora, Zając"));

    private final Random random = new Random(SEED);
    private final Set<String> bsns = new HashSet<>();
    private final Map<String, Organisation> organisationsByKey = new LinkedHashMap<>();
    private final Map<String, Vindplaats> vindplaatsenByKey = new LinkedHashMap<>();
    private final Map<String, Team> teamsByDistrict = new LinkedHashMap<>();
    private final List<Professional> professionals = new ArrayList<>();
    private final Map<String, String> districtOfOrganisation = new LinkedHashMap<>();
    private final Map<String, Member> membersById = new LinkedHashMap<>();
    private final List<Involvement> involvements = new ArrayList<>();
    private final Set<String> caseProfessionalIds = new HashSet<>();
    private final Map<String, Collaboration> collaborationsByPair = new LinkedHashMap<>();
    private final List<Coordinator> coordinators = new ArrayList<>();

    private DemoMunicipalityGenerator() {}

    /** Writes the seed files into the directory given as the only argument, by default the module's resources. */
    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        generate().writeTo(directory);
        System.out.println("Wrote the Nieuwstad seed files to " + directory.toAbsolutePath());
    }

    /** The demo municipality; every call returns equal data. */
    public static SeedData generate() {
        return new DemoMunicipalityGenerator().build();
    }

    private static String id(String kind, String localKey) {
        return UUID.nameUUIDFromBytes(("nabij:" + kind + ":" + localKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private SeedData build() {
        Municipality municipality = municipality();
        organisations();
        vindplaatsen();
        teams();
        professionals();
        List<Household> households = households();
        for (Household household : households) {
            if (isCase(household)) {
                involveCase(household);
            } else {
                involveOrdinary(household);
            }
        }
        teamCollaborations();
        householdCollaborations(households);
        coordinators(households);
        referralFollowUps(households);
        List<Application> applications = applications(households);
        return new SeedData(
                municipality,
                List.copyOf(organisationsByKey.values()),
                List.copyOf(teamsByDistrict.values()),
                List.copyOf(vindplaatsenByKey.values()),
                professionals,
                households,
                involvements,
                List.copyOf(collaborationsByPair.values()),
                coordinators,
                applications);
    }

    private static Municipality municipality() {
        return new Municipality(
                "GM9901",
                "Nieuwstad",
                List.of(
                        new District(HAVEN, "Haven", "old", neighbourhoods(HAVEN)),
                        new District(POORT, "Poort", "young", neighbourhoods(POORT))));
    }

    private static List<Neighbourhood> neighbourhoods(String districtCode) {
        return AREAS.stream()
                .filter(area -> area.districtCode().equals(districtCode))
                .map(area -> new Neighbourhood(area.code(), area.name(), List.of(area.postcodeDigits())))
                .toList();
    }

    private void organisations() {
        for (OrganisationPlan plan : ORGANISATIONS) {
            String id = id("organisation", plan.key());
            organisationsByKey.put(plan.key(), new Organisation(id, plan.name(), plan.kind(), plan.careLine()));
            if (plan.districtCode() != null) {
                districtOfOrganisation.put(id, plan.districtCode());
            }
        }
    }

    private void vindplaatsen() {
        for (VindplaatsPlan plan : VINDPLAATSEN) {
            vindplaatsenByKey.put(
                    plan.key(),
                    new Vindplaats(
                            id("vindplaats", plan.key()),
                            plan.name(),
                            plan.category().kind(),
                            plan.category(),
                            plan.neighbourhoodCode(),
                            PUBLIC_LISTINGS.get(plan.key())));
        }
    }

    private void teams() {
        for (String district : List.of(HAVEN, POORT)) {
            List<String> served =
                    neighbourhoods(district).stream().map(Neighbourhood::code).toList();
            List<VindplaatsContact> contacts = TEAM_CONTACTS.get(district).stream()
                    .map(contact -> new VindplaatsContact(
                            vindplaatsenByKey.get(contact.vindplaatsKey()).id(), contact.since()))
                    .toList();
            String name = district.equals(HAVEN) ? "Wijkteam Haven" : "Wijkteam Poort";
            teamsByDistrict.put(district, new Team(id("team", district), name, served, contacts));
        }
    }

    private void professionals() {
        Set<String> names = new HashSet<>();
        for (String district : List.of(HAVEN, POORT)) {
            for (StaffPlan plan : TEAM_STAFF) {
                for (int i = 0; i < plan.count(); i++) {
                    LocalDate since = date(LocalDate.of(2015, 1, 1), LocalDate.of(2023, 12, 31));
                    addProfessional(plan, names, teamsByDistrict.get(district).id(), since);
                }
            }
        }
        for (StaffPlan plan : OTHER_STAFF) {
            for (int i = 0; i < plan.count(); i++) {
                addProfessional(plan, names, null, null);
            }
        }
    }

    private void addProfessional(StaffPlan plan, Set<String> names, String teamId, LocalDate since) {
        String name;
        do {
            NamePool pool = weighted(NAME_POOLS, NamePool::weight);
            name = firstName(pool) + " " + pick(pool.surnames());
        } while (!names.add(name));
        String key = "P%03d".formatted(professionals.size() + 1);
        professionals.add(new Professional(
                id("professional", key),
                name,
                plan.discipline(),
                organisationsByKey.get(plan.organisationKey()).id(),
                teamId,
                since));
    }

    private List<Household> households() {
        List<Household> households = new ArrayList<>();
        for (Area area : AREAS) {
            for (Address address : addresses(area)) {
                households.add(isCase(address) ? caseHousehold(area, address) : ordinaryHousehold(area, address));
            }
        }
        households.sort(Comparator.comparing(Household::neighbourhoodCode)
                .thenComparing(Household::postcode)
                .thenComparingInt(Household::houseNumber)
                .thenComparing(
                        household -> household.houseNumberAddition() == null ? "" : household.houseNumberAddition()));
        return households;
    }

    // A postcode covers one side of a short street: a run of house numbers, odd or even, or both sides at once.
    private List<Address> addresses(Area area) {
        List<Address> addresses = new ArrayList<>();
        Set<String> usedLetters = new HashSet<>();
        boolean holdsCase = SeedData.CASE_POSTCODE.startsWith(area.postcodeDigits());
        while (addresses.size() < area.households()) {
            boolean casePostcode = holdsCase && usedLetters.isEmpty();
            String letters = casePostcode ? SeedData.CASE_POSTCODE.substring(4) : postcodeLetters(usedLetters);
            usedLetters.add(letters);
            int count = casePostcode ? 12 : 6 + random.nextInt(9);
            int first = casePostcode ? 1 : 1 + random.nextInt(40);
            int step = casePostcode || random.nextInt(4) > 0 ? 2 : 1;
            for (int i = 0; i < count && addresses.size() < area.households(); i++) {
                String postcode = area.postcodeDigits() + letters;
                int number = first + i * step;
                boolean caseAddress = postcode.equals(SeedData.CASE_POSTCODE) && number == SeedData.CASE_HOUSE_NUMBER;
                String addition = !caseAddress && random.nextInt(10) == 0 ? pick(HOUSE_NUMBER_ADDITIONS) : null;
                addresses.add(new Address(postcode, number, addition));
            }
        }
        return addresses;
    }

    private String postcodeLetters(Set<String> used) {
        while (true) {
            String letters = "" + pick(POSTCODE_LETTERS) + pick(POSTCODE_LETTERS);
            if (!FORBIDDEN_POSTCODE_LETTERS.contains(letters) && !used.contains(letters)) {
                return letters;
            }
        }
    }

    private static boolean isCase(Address address) {
        return address.postcode().equals(SeedData.CASE_POSTCODE) && address.houseNumber() == SeedData.CASE_HOUSE_NUMBER;
    }

    private static boolean isCase(Household household) {
        return household.postcode().equals(SeedData.CASE_POSTCODE)
                && household.houseNumber() == SeedData.CASE_HOUSE_NUMBER;
    }

    private Household caseHousehold(Area area, Address address) {
        NamePool pool = NAME_POOLS.getFirst();
        String surname = pick(pool.surnames());
        List<PersonPlan> people = List.of(
                new PersonPlan(1984, Role.ADULT, surname),
                new PersonPlan(1987, Role.ADULT, pick(pool.surnames())),
                new PersonPlan(2011, Role.CHILD, surname),
                new PersonPlan(2014, Role.CHILD, surname),
                new PersonPlan(2021, Role.CHILD, surname));
        return household(area, address, pool, people);
    }

    private Household ordinaryHousehold(Area area, Address address) {
        NamePool pool = weighted(NAME_POOLS, NamePool::weight);
        Composition composition = weighted(
                List.of(Composition.values()),
                area.districtCode().equals(HAVEN) ? Composition::oldDistrictWeight : Composition::youngDistrictWeight);
        String surname = pick(pool.surnames());
        List<PersonPlan> people = new ArrayList<>();
        switch (composition) {
            case SINGLE_SENIOR -> people.add(new PersonPlan(year(1936, 1958), Role.ADULT, surname));
            case SENIOR_COUPLE -> {
                int year = year(1938, 1960);
                people.add(new PersonPlan(year, Role.ADULT, surname));
                people.add(new PersonPlan(year + random.nextInt(9) - 4, Role.ADULT, partnerSurname(pool, surname)));
            }
            case SINGLE -> people.add(new PersonPlan(year(1962, 2006), Role.ADULT, surname));
            case COUPLE -> {
                int year = year(1965, 2002);
                people.add(new PersonPlan(year, Role.ADULT, surname));
                people.add(new PersonPlan(year + random.nextInt(9) - 4, Role.ADULT, partnerSurname(pool, surname)));
            }
            case SINGLE_PARENT -> {
                int year = year(1972, 2000);
                people.add(new PersonPlan(year, Role.ADULT, surname));
                addChildren(people, year, 1 + weightedIndex(35, 40, 18, 7), surname);
            }
            case FAMILY -> {
                int year = year(1972, 2000);
                people.add(new PersonPlan(year, Role.ADULT, surname));
                people.add(new PersonPlan(year + random.nextInt(7) - 3, Role.ADULT, partnerSurname(pool, surname)));
                addChildren(people, year, 1 + weightedIndex(35, 40, 18, 7), surname);
            }
            case MULTI_GENERATION -> {
                int year = year(1965, 1982);
                people.add(new PersonPlan(year, Role.ADULT, surname));
                people.add(new PersonPlan(year + random.nextInt(7) - 3, Role.ADULT, partnerSurname(pool, surname)));
                people.add(new PersonPlan(year(1998, 2007), Role.ADULT, surname));
                addChildren(people, year, random.nextInt(3), surname);
            }
        }
        return household(area, address, pool, people);
    }

    private void addChildren(List<PersonPlan> people, int parentYear, int count, String surname) {
        int from = Math.max(parentYear + 20, REFERENCE_YEAR - 17);
        int to = Math.min(parentYear + 45, REFERENCE_YEAR);
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            years.add(year(from, to));
        }
        years.sort(Comparator.naturalOrder());
        for (int year : years) {
            people.add(new PersonPlan(year, Role.CHILD, surname));
        }
    }

    private String partnerSurname(NamePool pool, String surname) {
        return random.nextInt(10) < 7 ? surname : pick(pool.surnames());
    }

    private Household household(Area area, Address address, NamePool pool, List<PersonPlan> people) {
        String key = address.postcode() + "-" + address.houseNumber()
                + (address.addition() == null ? "" : address.addition());
        List<Member> members = new ArrayList<>();
        for (PersonPlan person : people) {
            Member member = new Member(
                    id("resident", key + "/" + (members.size() + 1)),
                    bsn(),
                    firstName(pool) + " " + person.surname(),
                    person.birthYear(),
                    person.role());
            members.add(member);
            membersById.put(member.id(), member);
        }
        return new Household(
                id("household", key),
                address.postcode(),
                address.houseNumber(),
                address.addition(),
                area.code(),
                members);
    }

    // The elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is divisible by 11, so d9 is that weighted sum modulo 11.
    private String bsn() {
        while (true) {
            StringBuilder digits = new StringBuilder(9);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * (9 - i);
            }
            int check = sum % 11;
            if (check == 10) {
                continue;
            }
            String bsn = digits.append(check).toString();
            if (!bsn.equals("000000000") && bsns.add(bsn)) {
                return bsn;
            }
        }
    }

    /**
     * The documented case: fifteen professionals from fourteen organisations, each doing their own part, with a
     * sixteenth whose involvement has already ended.
     */
    private void involveCase(Household household) {
        Team haven = teamsByDistrict.get(HAVEN);
        Professional socialWorker = staff("zorggroep", Discipline.SOCIAL_WORK, haven.id());
        Professional clientSupport = staff("samen", Discipline.CLIENT_SUPPORT, haven.id());
        Professional wmoConsultant = staff("gemeente", Discipline.WMO_CONSULTANCY, haven.id());
        Professional workAndIncome = staff("gemeente", Discipline.WORK_AND_INCOME, haven.id());
        Professional districtNurse = staff("wijkzorg", Discipline.DISTRICT_NURSING, null);
        Professional doctor = staff("kade", Discipline.GENERAL_PRACTICE, null);
        Professional youthHealth = staff("jgz", Discipline.YOUTH_HEALTH_CARE, null);
        Professional youthCare = staff("brug", Discipline.YOUTH_CARE, null);
        Professional youthProtection = staff("jeugdbescherming", Discipline.YOUTH_CARE, null);
        Professional debt = staff("schuldhulp", Discipline.DEBT_COUNSELLING, null);
        Professional mentalHealth = staff("ggz", Discipline.MENTAL_HEALTH, null);
        Professional schoolSocialWork = staff("openbaar", Discipline.SCHOOL_SOCIAL_WORK, null);
        Professional housing = staff("woonstichting", Discipline.HOUSING, null);
        Professional probation = staff("reclassering", Discipline.PROBATION, null);
        Professional police = staff("politie", Discipline.POLICE, null);
        Professional formerWmoConsultant = staff("gemeente", Discipline.WMO_CONSULTANCY, null);

        List<Member> members = household.members();
        Target whole = Target.household(household.id());
        Target firstParent = Target.resident(members.get(0).id());
        Target secondParent = Target.resident(members.get(1).id());
        Target eldest = Target.resident(members.get(2).id());
        Target middle = Target.resident(members.get(3).id());
        Target youngest = Target.resident(members.get(4).id());
        LocalDate lastStart = LocalDate.of(2026, 6, 30);

        registerActive(household, socialWorker, whole, Domain.WMO, lastStart);
        registerActive(household, socialWorker, eldest, Domain.YOUTH, lastStart);
        registerActive(household, clientSupport, firstParent, Domain.WMO, lastStart);
        registerActive(household, wmoConsultant, secondParent, Domain.WMO, lastStart);
        registerActive(household, workAndIncome, firstParent, Domain.PARTICIPATION, lastStart);
        registerActive(household, districtNurse, secondParent, Domain.ZVW, lastStart);
        registerActive(household, doctor, firstParent, Domain.ZVW, lastStart);
        registerActive(household, youthHealth, youngest, Domain.YOUTH, lastStart);
        registerActive(household, youthCare, eldest, Domain.YOUTH, lastStart);
        registerActive(household, youthProtection, whole, Domain.YOUTH, lastStart);
        registerActive(household, debt, whole, Domain.DEBT, lastStart);
        registerActive(household, mentalHealth, firstParent, Domain.ZVW, lastStart);
        registerActive(household, schoolSocialWork, middle, Domain.EDUCATION, lastStart);
        registerActive(household, housing, whole, Domain.DEBT, lastStart);
        registerActive(household, probation, secondParent, Domain.SAFETY, lastStart);
        registerActive(household, police, whole, Domain.SAFETY, lastStart);
        register(
                household,
                formerWmoConsultant,
                secondParent,
                Domain.WMO,
                LocalDate.of(2024, 2, 12),
                LocalDate.of(2024, 9, 30));

        for (Involvement involvement : involvements) {
            if (involvement.active() && belongsTo(involvement, household)) {
                caseProfessionalIds.add(involvement.professionalId());
            }
        }
        // The few pairs that do talk: inside the wijkteam, the GP with the district nurse, and the two youth
        // organisations; the other pairs of the fifteen never do.
        store(socialWorker, clientSupport, CollaborationKind.CASE_MEETING, LocalDate.of(2025, 3, 4));
        store(socialWorker, wmoConsultant, CollaborationKind.CASE_MEETING, LocalDate.of(2025, 3, 4));
        store(wmoConsultant, workAndIncome, CollaborationKind.CASE_MEETING, LocalDate.of(2025, 5, 20));
        store(socialWorker, youthCare, CollaborationKind.PHONE_CALL, LocalDate.of(2025, 9, 16));
        store(doctor, districtNurse, CollaborationKind.PHONE_CALL, LocalDate.of(2025, 1, 28));
        store(youthCare, youthProtection, CollaborationKind.JOINT_VISIT, LocalDate.of(2026, 2, 10));
    }

    private Professional staff(String organisationKey, Discipline discipline, String teamId) {
        String organisationId = organisationsByKey.get(organisationKey).id();
        return professionals.stream()
                .filter(professional -> professional.organisationId().equals(organisationId)
                        && professional.discipline() == discipline
                        && Objects.equals(professional.teamId(), teamId))
                .findFirst()
                .orElseThrow();
    }

    private void registerActive(
            Household household, Professional professional, Target target, Domain domain, LocalDate lastStart) {
        register(household, professional, target, domain, date(FIRST_INVOLVEMENT, lastStart), null);
    }

    private void involveOrdinary(Household household) {
        int count = weightedIndex(640, 190, 100, 35, 18, 11, 6);
        String district = districtOf(household.neighbourhoodCode());
        Map<Discipline, Integer> weights = disciplineWeights(household);
        Set<String> involved = new HashSet<>();
        while (involved.size() < count) {
            Discipline discipline = weighted(List.copyOf(weights.keySet()), weights::get);
            Professional professional = chooseProfessional(discipline, district, involved);
            if (professional == null) {
                continue;
            }
            involved.add(professional.id());
            Target target = target(discipline, household);
            Domain domain = domain(discipline, household, target);
            if (random.nextDouble() < ENDED_SHARE) {
                LocalDate since = date(FIRST_INVOLVEMENT, LAST_DATE.minusDays(30));
                LocalDate latestEnd = since.plusDays(540).isAfter(LAST_DATE) ? LAST_DATE : since.plusDays(540);
                register(household, professional, target, domain, since, date(since.plusDays(30), latestEnd));
            } else {
                register(household, professional, target, domain, date(FIRST_INVOLVEMENT, LAST_DATE), null);
            }
        }
    }

    private Map<Discipline, Integer> disciplineWeights(Household household) {
        boolean children = !children(household).isEmpty();
        boolean senior = adults(household).stream().anyMatch(member -> member.birthYear() <= 1955);
        boolean workingAge = adults(household).stream().anyMatch(member -> member.birthYear() > 1959);
        Map<Discipline, Integer> weights = new EnumMap<>(Discipline.class);
        weights.put(Discipline.SOCIAL_WORK, 14);
        weights.put(Discipline.CLIENT_SUPPORT, 6);
        weights.put(Discipline.WMO_CONSULTANCY, senior ? 16 : 8);
        weights.put(Discipline.WORK_AND_INCOME, workingAge ? 8 : 0);
        weights.put(Discipline.COMMUNITY_WORK, 4);
        weights.put(Discipline.VOLUNTEER_COORDINATION, 2);
        weights.put(Discipline.DISTRICT_NURSING, senior ? 24 : 3);
        weights.put(Discipline.GENERAL_PRACTICE, 8);
        weights.put(Discipline.MENTAL_HEALTH, 6);
        weights.put(Discipline.DEBT_COUNSELLING, 6);
        weights.put(Discipline.HOUSING, 3);
        weights.put(Discipline.YOUTH_HEALTH_CARE, children ? 8 : 0);
        weights.put(Discipline.YOUTH_CARE, children ? 6 : 0);
        weights.put(Discipline.SCHOOL_SOCIAL_WORK, children ? 5 : 0);
        weights.put(Discipline.PROBATION, 1);
        weights.put(Discipline.POLICE, 1);
        return weights;
    }

    /**
     * Prefers the own district's wijkteam member for the disciplines the team has and the own district's GP practice,
     * and never sends a team member into the other district; {@code null} when everyone fitting is already involved.
     */
    private Professional chooseProfessional(Discipline discipline, String district, Set<String> alreadyInvolved) {
        String teamId = teamsByDistrict.get(district).id();
        List<Professional> team = new ArrayList<>();
        List<Professional> near = new ArrayList<>();
        List<Professional> far = new ArrayList<>();
        for (Professional professional : professionals) {
            if (professional.discipline() != discipline || alreadyInvolved.contains(professional.id())) {
                continue;
            }
            String home = districtOfOrganisation.get(professional.organisationId());
            if (teamId.equals(professional.teamId())) {
                team.add(professional);
            } else if (professional.teamId() == null && (home == null || home.equals(district))) {
                near.add(professional);
            } else if (professional.teamId() == null) {
                far.add(professional);
            }
        }
        List<List<Professional>> preference =
                random.nextInt(100) < 85 ? List.of(team, near, far) : List.of(near, far, team);
        for (List<Professional> candidates : preference) {
            if (!candidates.isEmpty()) {
                return pick(candidates);
            }
        }
        return null;
    }

    private Target target(Discipline discipline, Household household) {
        List<Member> adults = adults(household);
        List<Member> children = children(household);
        Target whole = Target.household(household.id());
        return switch (discipline) {
            case DEBT_COUNSELLING, HOUSING, POLICE, COMMUNITY_WORK, VOLUNTEER_COORDINATION -> whole;
            case SOCIAL_WORK -> random.nextBoolean() ? whole : resident(pick(household.members()));
            case YOUTH_CARE -> random.nextInt(10) < 3 ? whole : resident(pick(children));
            case YOUTH_HEALTH_CARE -> resident(pick(children));
            case SCHOOL_SOCIAL_WORK -> {
                List<Member> pupils = children.stream()
                        .filter(child -> child.birthYear() <= REFERENCE_YEAR - 4)
                        .toList();
                yield resident(pick(pupils.isEmpty() ? children : pupils));
            }
            case DISTRICT_NURSING -> resident(adults.stream()
                    .min(Comparator.comparingInt(Member::birthYear))
                    .orElseThrow());
            case MENTAL_HEALTH -> resident(
                    !children.isEmpty() && random.nextInt(5) == 0 ? pick(children) : pick(adults));
            case GENERAL_PRACTICE -> resident(pick(household.members()));
            case WORK_AND_INCOME -> {
                List<Member> working = adults.stream()
                        .filter(adult -> adult.birthYear() > 1959)
                        .toList();
                yield resident(pick(working.isEmpty() ? adults : working));
            }
            case CLIENT_SUPPORT, WMO_CONSULTANCY, PROBATION -> resident(pick(adults));
        };
    }

    private Domain domain(Discipline discipline, Household household, Target target) {
        Member member = target.residentId() == null ? null : membersById.get(target.residentId());
        boolean child = member != null && member.role() == Role.CHILD;
        return switch (discipline) {
            case SOCIAL_WORK -> {
                boolean youth = child || (member == null && !children(household).isEmpty() && random.nextBoolean());
                yield youth ? Domain.YOUTH : Domain.WMO;
            }
            case CLIENT_SUPPORT, WMO_CONSULTANCY, COMMUNITY_WORK, VOLUNTEER_COORDINATION -> Domain.WMO;
            case WORK_AND_INCOME -> Domain.PARTICIPATION;
            case DEBT_COUNSELLING -> Domain.DEBT;
                // The oldest residents needing permanent care move to the Wlz; district nursing stays Zvw otherwise.
            case DISTRICT_NURSING -> member != null && member.birthYear() <= 1945 && random.nextInt(10) < 3
                    ? Domain.WLZ
                    : Domain.ZVW;
            case YOUTH_HEALTH_CARE, YOUTH_CARE -> Domain.YOUTH;
            case MENTAL_HEALTH -> child ? Domain.YOUTH : Domain.ZVW;
            case GENERAL_PRACTICE -> Domain.ZVW;
                // A housing corporation mostly turns up over rent arrears.
            case HOUSING -> random.nextBoolean() ? Domain.DEBT : Domain.WMO;
            case PROBATION, POLICE -> Domain.SAFETY;
            case SCHOOL_SOCIAL_WORK -> Domain.EDUCATION;
        };
    }

    private void register(
            Household household,
            Professional professional,
            Target target,
            Domain domain,
            LocalDate since,
            LocalDate until) {
        String id = id("involvement", household.id() + "/" + (involvements.size() + 1));
        Team team = teamServing(household.neighbourhoodCode());
        String teamId = team != null && team.id().equals(professional.teamId()) ? team.id() : null;
        involvements.add(new Involvement(
                id,
                professional.id(),
                professional.organisationId(),
                teamId,
                target,
                domain,
                since,
                until,
                until == null ? InvolvementStatus.ACTIVE : InvolvementStatus.ENDED,
                until == null ? null : endReason(id, teamId != null, isCase(household))));
    }

    /**
     * Drawn from the involvement's own id, not from the generator's sequence, so end reasons came in without changing
     * anything generated before them. The documented case's one ended involvement is not a referral: a referral
     * brings a follow-up, and the case's circle is fixed.
     */
    private static EndReason endReason(String involvementId, boolean viaTeam, boolean caseHousehold) {
        Random draws = randomFor("end-reason", involvementId);
        int referredPercent = viaTeam ? REFERRED_PERCENT_VIA_TEAM : REFERRED_PERCENT_OTHERWISE;
        if (draws.nextInt(100) < referredPercent && !caseHousehold) {
            return EndReason.REFERRED;
        }
        return weighted(draws, List.copyOf(OTHER_END_REASONS.keySet()), OTHER_END_REASONS::get);
    }

    /**
     * Every referral is taken up: where no other professional began with the same resident or household after it,
     * one does within four weeks. A team member who can refers to their own employer's services (its staff outside
     * the teams) half of the time; everyone else refers to another organisation. The follow-ups come after all other
     * data and draw from the referral's own id, so nothing generated before them changed.
     */
    private void referralFollowUps(List<Household> households) {
        Map<String, Household> householdOfTarget = new LinkedHashMap<>();
        for (Household household : households) {
            householdOfTarget.put(household.id(), household);
            household.members().forEach(member -> householdOfTarget.put(member.id(), household));
        }
        for (Involvement referral : List.copyOf(involvements)) {
            if (referral.endReason() != EndReason.REFERRED || hasFollowUp(referral)) {
                continue;
            }
            Random draws = randomFor("referral", referral.id());
            Household household = householdOfTarget.get(targetId(referral.target()));
            List<Professional> fitting = professionals.stream()
                    .filter(professional -> professional.teamId() == null)
                    .filter(professional -> !professional.id().equals(referral.professionalId()))
                    .filter(professional -> fitsTarget(professional, referral.target(), household))
                    .filter(professional -> !involvedWith(professional, referral.target()))
                    .toList();
            List<Professional> ownEmployer = fitting.stream()
                    .filter(professional -> professional.organisationId().equals(referral.organisationId()))
                    .toList();
            List<Professional> elsewhere = fitting.stream()
                    .filter(professional -> !professional.organisationId().equals(referral.organisationId()))
                    .filter(professional -> servesDistrict(professional, districtOf(household.neighbourhoodCode())))
                    .toList();
            boolean toOwnEmployer =
                    referral.teamId() != null && !ownEmployer.isEmpty() && draws.nextInt(100) < OWN_EMPLOYER_PERCENT;
            Professional receiver = pick(draws, toOwnEmployer ? ownEmployer : elsewhere);
            LocalDate since = referral.until().plusDays(draws.nextInt(29));
            involvements.add(new Involvement(
                    id("involvement", household.id() + "/" + (involvements.size() + 1)),
                    receiver.id(),
                    receiver.organisationId(),
                    null,
                    referral.target(),
                    followUpDomain(receiver.discipline(), referral.target()),
                    since.isAfter(LAST_DATE) ? LAST_DATE : since,
                    null,
                    InvolvementStatus.ACTIVE,
                    null));
        }
    }

    private boolean hasFollowUp(Involvement referral) {
        return involvements.stream()
                .anyMatch(other -> other.target().equals(referral.target())
                        && !other.professionalId().equals(referral.professionalId())
                        && !other.since().isBefore(referral.until()));
    }

    private boolean involvedWith(Professional professional, Target target) {
        return involvements.stream()
                .anyMatch(involvement -> involvement.professionalId().equals(professional.id())
                        && involvement.target().equals(target));
    }

    private boolean servesDistrict(Professional professional, String district) {
        String home = districtOfOrganisation.get(professional.organisationId());
        return home == null || home.equals(district);
    }

    /** Who can take up a referral for this resident or household, by what their discipline is for. */
    private boolean fitsTarget(Professional professional, Target target, Household household) {
        Member member = target.residentId() == null ? null : membersById.get(target.residentId());
        Discipline discipline = professional.discipline();
        if (member == null) {
            return switch (discipline) {
                case SOCIAL_WORK, COMMUNITY_WORK, DEBT_COUNSELLING, HOUSING -> true;
                case YOUTH_CARE -> !children(household).isEmpty();
                default -> false;
            };
        }
        if (member.role() == Role.CHILD) {
            return switch (discipline) {
                case SOCIAL_WORK, YOUTH_CARE, YOUTH_HEALTH_CARE, MENTAL_HEALTH -> true;
                case SCHOOL_SOCIAL_WORK -> member.birthYear() <= REFERENCE_YEAR - 4;
                default -> false;
            };
        }
        return switch (discipline) {
            case SOCIAL_WORK, WMO_CONSULTANCY, MENTAL_HEALTH -> true;
            case WORK_AND_INCOME -> member.birthYear() > 1959;
            case DISTRICT_NURSING -> member.birthYear() <= 1955;
            default -> false;
        };
    }

    private Domain followUpDomain(Discipline discipline, Target target) {
        Member member = target.residentId() == null ? null : membersById.get(target.residentId());
        boolean child = member != null && member.role() == Role.CHILD;
        return switch (discipline) {
            case SOCIAL_WORK, MENTAL_HEALTH -> child ? Domain.YOUTH : Domain.WMO;
            case YOUTH_CARE, YOUTH_HEALTH_CARE -> Domain.YOUTH;
            case WORK_AND_INCOME -> Domain.PARTICIPATION;
            case DEBT_COUNSELLING, HOUSING -> Domain.DEBT;
            case DISTRICT_NURSING, GENERAL_PRACTICE -> Domain.ZVW;
            case SCHOOL_SOCIAL_WORK -> Domain.EDUCATION;
            case PROBATION, POLICE -> Domain.SAFETY;
            case CLIENT_SUPPORT, WMO_CONSULTANCY, COMMUNITY_WORK, VOLUNTEER_COORDINATION -> Domain.WMO;
        };
    }

    /**
     * Applications over the last eighteen months, handled by the wijkteam of the household's district. Most are decided
     * within the statutory eight weeks; Haven's waits were long until the pilot began and shorter after, Poort's were
     * shorter throughout. The first two are decided on the term's last day and the day after, so the boundary of the
     * rule is in the data. Each draws from its own id, apart from the generator's sequence.
     */
    private List<Application> applications(List<Household> households) {
        List<Application> applications = new ArrayList<>();
        for (int number = 1; number <= APPLICATIONS; number++) {
            String id = id("application", "A%04d".formatted(number));
            Random draws = randomFor("application", id);
            Household household = pick(draws, households);
            Law law = number <= 2 ? Law.WMO : weighted(draws, List.of(Law.values()), lawWeights(household));
            Target target = applicant(draws, law, household);
            LocalDate submittedOn = date(draws, FIRST_APPLICATION, LAST_DATE);
            boolean haven = districtOf(household.neighbourhoodCode()).equals(HAVEN);
            int waitingDays =
                    number <= 2 ? STATUTORY_TERM_DAYS + number - 1 : waitingDays(draws, haven, law, submittedOn);
            LocalDate decidedOn = submittedOn.plusDays(waitingDays);
            applications.add(new Application(
                    id,
                    law,
                    target,
                    teamServing(household.neighbourhoodCode()).id(),
                    submittedOn,
                    decidedOn.isAfter(LAST_DATE) ? null : decidedOn));
        }
        return applications;
    }

    private static ToIntFunction<Law> lawWeights(Household household) {
        boolean children = !children(household).isEmpty();
        boolean senior = adults(household).stream().anyMatch(member -> member.birthYear() <= 1955);
        boolean workingAge = adults(household).stream().anyMatch(member -> member.birthYear() > 1959);
        return law -> switch (law) {
            case WMO -> senior ? 80 : 35;
            case YOUTH -> children ? 35 : 0;
            case PARTICIPATION -> workingAge ? 30 : 0;
        };
    }

    // Wmo support goes to an adult, youth care to a child, and income support to the household as a whole.
    private static Target applicant(Random draws, Law law, Household household) {
        return switch (law) {
            case WMO -> resident(pick(draws, adults(household)));
            case YOUTH -> resident(pick(draws, children(household)));
            case PARTICIPATION -> Target.household(household.id());
        };
    }

    private static int waitingDays(Random draws, boolean haven, Law law, LocalDate submittedOn) {
        boolean pilot = !submittedOn.isBefore(PILOT_START);
        int latePercent = pilot ? (haven ? 12 : 10) : (haven ? 35 : 18);
        if (draws.nextInt(100) >= latePercent) {
            return 14 + draws.nextInt(STATUTORY_TERM_DAYS - 13);
        }
        // Household help in Haven waited up to five months before the pilot.
        int longest = haven && law == Law.WMO && !pilot ? 100 : 50;
        return STATUTORY_TERM_DAYS + 1 + draws.nextInt(longest);
    }

    private static Random randomFor(String purpose, String itemId) {
        return new Random(UUID.nameUUIDFromBytes((purpose + ":" + itemId).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
    }

    private static String targetId(Target target) {
        return target.householdId() != null ? target.householdId() : target.residentId();
    }

    private Team teamServing(String neighbourhoodCode) {
        return teamsByDistrict.values().stream()
                .filter(team -> team.serves().contains(neighbourhoodCode))
                .findFirst()
                .orElse(null);
    }

    private void teamCollaborations() {
        for (Team team : teamsByDistrict.values()) {
            List<Professional> members = professionals.stream()
                    .filter(professional -> team.id().equals(professional.teamId()))
                    .toList();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    if (random.nextBoolean()) {
                        CollaborationKind kind = weighted(
                                List.of(CollaborationKind.values()), DemoMunicipalityGenerator::teamKindWeight);
                        collaborate(members.get(i), members.get(j), kind, date(FIRST_INVOLVEMENT, LAST_DATE));
                    }
                }
            }
        }
    }

    // Outside the teams, professionals find each other only now and then, around a household they share.
    private void householdCollaborations(List<Household> households) {
        Map<String, Professional> byId = new LinkedHashMap<>();
        professionals.forEach(professional -> byId.put(professional.id(), professional));
        for (Household household : households) {
            List<Involvement> shared = involvements.stream()
                    .filter(involvement -> belongsTo(involvement, household))
                    .toList();
            for (int i = 0; i < shared.size(); i++) {
                for (int j = i + 1; j < shared.size(); j++) {
                    Involvement first = shared.get(i);
                    Involvement second = shared.get(j);
                    if (first.professionalId().equals(second.professionalId()) || random.nextInt(100) >= 15) {
                        continue;
                    }
                    LocalDate met = first.since().isAfter(second.since()) ? first.since() : second.since();
                    LocalDate since = met.plusDays(random.nextInt(60));
                    CollaborationKind kind = weighted(
                            List.of(CollaborationKind.values()), DemoMunicipalityGenerator::householdKindWeight);
                    collaborate(
                            byId.get(first.professionalId()),
                            byId.get(second.professionalId()),
                            kind,
                            since.isAfter(LAST_DATE) ? LAST_DATE : since);
                }
            }
        }
    }

    /** Keeps the fifteen of the documented case apart; the case itself links the few pairs that do talk. */
    private void collaborate(Professional a, Professional b, CollaborationKind kind, LocalDate since) {
        if (caseProfessionalIds.contains(a.id()) && caseProfessionalIds.contains(b.id())) {
            return;
        }
        store(a, b, kind, since);
    }

    private void store(Professional a, Professional b, CollaborationKind kind, LocalDate since) {
        boolean ordered = a.id().compareTo(b.id()) < 0;
        String first = ordered ? a.id() : b.id();
        String second = ordered ? b.id() : a.id();
        collaborationsByPair.putIfAbsent(first + "|" + second, new Collaboration(first, second, since, kind));
    }

    private void coordinators(List<Household> households) {
        for (Household household : households) {
            if (isCase(household)) {
                continue;
            }
            Map<String, LocalDate> activeSince = new LinkedHashMap<>();
            for (Involvement involvement : involvements) {
                if (involvement.active() && belongsTo(involvement, household)) {
                    activeSince.merge(
                            involvement.professionalId(), involvement.since(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (activeSince.size() < 2 || random.nextInt(100) >= 45) {
                continue;
            }
            List<Professional> candidates = professionals.stream()
                    .filter(professional -> activeSince.containsKey(professional.id()))
                    .toList();
            List<Professional> teamMembers = candidates.stream()
                    .filter(professional -> professional.teamId() != null)
                    .toList();
            Professional coordinator = pick(teamMembers.isEmpty() ? candidates : teamMembers);
            LocalDate since = activeSince.get(coordinator.id()).plusDays(random.nextInt(90));
            coordinators.add(
                    new Coordinator(household.id(), coordinator.id(), since.isAfter(LAST_DATE) ? LAST_DATE : since));
        }
    }

    // Team members mostly meet in the team's case meetings; others reach each other by phone or a joint visit.
    private static int teamKindWeight(CollaborationKind kind) {
        return switch (kind) {
            case CASE_MEETING -> 60;
            case PHONE_CALL -> 25;
            case JOINT_VISIT -> 15;
        };
    }

    private static int householdKindWeight(CollaborationKind kind) {
        return switch (kind) {
            case CASE_MEETING -> 20;
            case PHONE_CALL -> 50;
            case JOINT_VISIT -> 30;
        };
    }

    private boolean belongsTo(Involvement involvement, Household household) {
        Target target = involvement.target();
        if (target.householdId() != null) {
            return target.householdId().equals(household.id());
        }
        return household.members().stream().anyMatch(member -> member.id().equals(target.residentId()));
    }

    private static String districtOf(String neighbourhoodCode) {
        return AREAS.stream()
                .filter(area -> area.code().equals(neighbourhoodCode))
                .findFirst()
                .orElseThrow()
                .districtCode();
    }

    private static List<Member> adults(Household household) {
        return household.members().stream()
                .filter(member -> member.role() == Role.ADULT)
                .toList();
    }

    private static List<Member> children(Household household) {
        return household.members().stream()
                .filter(member -> member.role() == Role.CHILD)
                .toList();
    }

    private static Target resident(Member member) {
        return Target.resident(member.id());
    }

    private String firstName(NamePool pool) {
        return pick(random.nextBoolean() ? pool.femaleNames() : pool.maleNames());
    }

    private int year(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        return date(random, from, to);
    }

    private static LocalDate date(Random draws, LocalDate from, LocalDate to) {
        return from.plusDays(draws.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private <T> T pick(List<T> items) {
        return pick(random, items);
    }

    private static <T> T pick(Random draws, List<T> items) {
        return items.get(draws.nextInt(items.size()));
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    private <T> T weighted(List<T> items, ToIntFunction<T> weight) {
        return weighted(random, items, weight);
    }

    private static <T> T weighted(Random draws, List<T> items, ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int draw = draws.nextInt(total);
        for (T item : items) {
            draw -= weight.applyAsInt(item);
            if (draw < 0) {
                return item;
            }
        }
        throw new IllegalStateException("Weights changed while drawing");
    }

    private int weightedIndex(int... weights) {
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
        throw new IllegalStateException("Weights must be positive");
    }

    private enum Composition {
        SINGLE_SENIOR(22, 4),
        SENIOR_COUPLE(14, 3),
        SINGLE(17, 12),
        COUPLE(15, 18),
        SINGLE_PARENT(12, 15),
        FAMILY(20, 40),
        MULTI_GENERATION(0, 8);

        private final int oldDistrictWeight;
        private final int youngDistrictWeight;

        Composition(int oldDistrictWeight, int youngDistrictWeight) {
            this.oldDistrictWeight = oldDistrictWeight;
            this.youngDistrictWeight = youngDistrictWeight;
        }

        int oldDistrictWeight() {
            return oldDistrictWeight;
        }

        int youngDistrictWeight() {
            return youngDistrictWeight;
        }
    }

    private record Area(String code, String name, String postcodeDigits, String districtCode, int households) {}

    private record Address(String postcode, int houseNumber, String addition) {}

    private record PersonPlan(int birthYear, Role role, String surname) {}

    private record OrganisationPlan(
            String key, String name, OrganisationKind kind, CareLine careLine, String districtCode) {}

    private record StaffPlan(String organisationKey, Discipline discipline, int count) {}

    private record VindplaatsPlan(String key, String name, VindplaatsCategory category, String neighbourhoodCode) {}

    private record ContactPlan(String vindplaatsKey, LocalDate since) {}

    private record NamePool(int weight, List<String> femaleNames, List<String> maleNames, List<String> surnames) {

        static NamePool of(int weight, String femaleNames, String maleNames, String surnames) {
            return new NamePool(weight, split(femaleNames), split(maleNames), split(surnames));
        }

        private static List<String> split(String names) {
            return List.of(names.split(", "));
        }
    }
}
