package nl.nabij.seed.city;

import java.util.List;
import java.util.SplittableRandom;
import nl.nabij.seed.SeedData.VindplaatsCategory;

/**
 * Made-up names for the synthetic city: places built from common Dutch word parts, people from first names and
 * surnames of the backgrounds common in Almere-like towns. Any resemblance to a real person is chance.
 */
final class CityNames {

    private static final List<String> TOWN_STARTS =
            List.of("Zee", "Hooge", "Noorder", "Wester", "Ooster", "Zuider", "Lage", "Nieuwe", "Oude", "Groen");
    private static final List<String> TOWN_ENDS =
            List.of("stad", "veen", "haven", "dam", "meer", "wijk", "dorp", "land");

    private static final List<String> DISTRICTS = List.of(
            "Stad", "Haven", "Poort", "Buiten", "Hout", "Kust", "Veld", "Bos", "Meer", "Molen", "Dijk", "Oever");

    private static final List<String> NEIGHBOURHOOD_THEMES = List.of(
            "Kruiden",
            "Bloemen",
            "Sterren",
            "Vogel",
            "Muziek",
            "Film",
            "Schilders",
            "Dichters",
            "Bomen",
            "Vissers",
            "Planeten",
            "Edelstenen");
    private static final List<String> NEIGHBOURHOOD_ENDS = List.of("wijk", "buurt", "kwartier", "park", "hof", "veld");

    private static final List<String> FEMALE = List.of(
            "Anouk",
            "Sanne",
            "Lotte",
            "Fleur",
            "Eva",
            "Noor",
            "Emma",
            "Julia",
            "Iris",
            "Femke",
            "Esther",
            "Linda",
            "Petra",
            "Wilma",
            "Priya",
            "Sharon",
            "Naomi",
            "Fatima",
            "Nadia",
            "Samira",
            "Khadija",
            "Ayşe",
            "Elif",
            "Zeynep",
            "Mirella",
            "Giselle",
            "Abena",
            "Ama",
            "Agnieszka",
            "Joanna");
    private static final List<String> MALE = List.of(
            "Daan", "Bram", "Ruben", "Thijs", "Sem", "Lucas", "Jesse", "Mark", "Jeroen", "Niels", "Erik", "Kees",
            "Henk", "Rajesh", "Ravi", "Glenn", "Mohamed", "Yassin", "Bilal", "Karim", "Mehmet", "Emre", "Yusuf",
            "Curtis", "Dwayne", "Kwame", "Kofi", "Piotr", "Tomasz", "Marek");
    private static final List<String> SURNAMES = List.of(
            "de Vries",
            "Jansen",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "de Groot",
            "Bos",
            "Vos",
            "Peters",
            "Hendriks",
            "van Leeuwen",
            "Dekker",
            "Brouwer",
            "de Wit",
            "Dijkstra",
            "de Graaf",
            "van der Meer",
            "Kok",
            "Jacobs",
            "Vermeulen",
            "van Dijk",
            "Koster",
            "Prins",
            "Postma",
            "Huisman",
            "Ramdin",
            "Sewdien",
            "Pinas",
            "Jagesar",
            "El Amrani",
            "Bouzid",
            "Azzouzi",
            "Benali",
            "Tahiri",
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Öztürk",
            "Martina",
            "Maduro",
            "Rosaria",
            "Mensah",
            "Owusu",
            "Boateng",
            "Asante",
            "Nowak",
            "Wójcik",
            "Mazur",
            "Kaczmarek");

    private CityNames() {}

    static String municipality(int index) {
        String name = TOWN_STARTS.get(index % TOWN_STARTS.size())
                + TOWN_ENDS.get(index / TOWN_STARTS.size() % TOWN_ENDS.size());
        int round = index / (TOWN_STARTS.size() * TOWN_ENDS.size());
        return round == 0 ? name : name + " " + (round + 1);
    }

    static String district(int indexInMunicipality) {
        return DISTRICTS.get(indexInMunicipality % DISTRICTS.size());
    }

    static String neighbourhood(int districtInMunicipality, int indexInDistrict) {
        return NEIGHBOURHOOD_THEMES.get((indexInDistrict + districtInMunicipality) % NEIGHBOURHOOD_THEMES.size())
                + NEIGHBOURHOOD_ENDS.get(districtInMunicipality % NEIGHBOURHOOD_ENDS.size());
    }

    static String surname(SplittableRandom random) {
        return pick(SURNAMES, random);
    }

    static String firstName(SplittableRandom random) {
        return pick(random.nextBoolean() ? FEMALE : MALE, random);
    }

    static String person(SplittableRandom random) {
        return firstName(random) + " " + surname(random);
    }

    static String vindplaats(VindplaatsCategory category, String neighbourhood) {
        String kind =
                switch (category) {
                    case SCHOOL -> "Basisschool";
                    case CHURCH -> "Kerk";
                    case MOSQUE -> "Moskee";
                    case COMMUNITY_CENTRE -> "Buurthuis";
                    case HEALTH_CENTRE -> "Gezondheidscentrum";
                    case LIBRARY -> "Bibliotheek";
                    case SPORTS_CLUB -> "Sportvereniging";
                    case NEIGHBOURHOOD_WORKER -> "Buurtconciërge";
                    case VOLUNTEER -> "Vrijwilligers";
                    case TRUSTED_PERSON -> "Sleutelfiguur";
                    case CITIZEN_INITIATIVE -> "Bewonersinitiatief";
                };
        return kind + " " + neighbourhood;
    }

    private static String pick(List<String> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()));
    }
}
