package nl.nabij.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.disclosure.DisclosurePolicy;

/**
 * What is missing in a network, each gap with the facts that show it and what to do about it, both as an
 * {@link Explanation}: a code with its parameters, which the web app words in the reader's language:
 * <ol>
 *   <li>vindplaatsen in a team's neighbourhoods it has no contact with, informal ones first;
 *   <li>disciplines of the reference composition no member of a team has;
 *   <li>professionals who help the same households without a collaboration link, ranked by Adamic–Adar: each shared
 *       household adds 1 / ln(the number of professionals around it), so sharing a quiet household weighs more
 *       than sharing a crowded one;
 *   <li>organisations active in the area with no member in its teams and no collaboration with one.
 * </ol>
 *
 * @param minimumSharedHouseholds the fewest shared households a predicted link rests on: as asked, and under
 *     disclosure control at least the minimum cell size, as is the number of households an unlinked organisation helps
 */
public record MissingLinks(
        int minimumSharedHouseholds,
        List<VindplaatsContact> vindplaatsContacts,
        List<Discipline> disciplines,
        List<PredictedLink> predictedLinks,
        List<UnlinkedOrganisation> unlinkedOrganisations) {

    /**
     * A fact or a suggestion as a stable code and the values its text fills in.
     *
     * @param parameters in order; a name given more than once is a list (the organisations to ask, for one)
     */
    public record Explanation(String code, List<Parameter> parameters) {

        static Explanation of(String code, String... namesAndValues) {
            List<Parameter> parameters = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                parameters.add(new Parameter(namesAndValues[i], namesAndValues[i + 1]));
            }
            return new Explanation(code, List.copyOf(parameters));
        }

        /** The value of the parameter with this name; the first when it is a list. */
        public String parameter(String name) {
            return parameters.stream()
                    .filter(p -> p.name().equals(name))
                    .map(Parameter::value)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One named value an explanation's text fills in. */
    public record Parameter(String name, String value) {}

    public record VindplaatsContact(
            String team,
            String vindplaats,
            String kind,
            String category,
            Explanation evidence,
            Explanation suggestedAction) {}

    public record Discipline(String team, String discipline, Explanation evidence, Explanation suggestedAction) {}

    public record PredictedLink(
            String firstProfessional,
            String first,
            String secondProfessional,
            String second,
            int sharedHouseholds,
            double score,
            Explanation evidence,
            Explanation suggestedAction) {}

    public record UnlinkedOrganisation(
            String organisation, String name, int households, Explanation evidence, Explanation suggestedAction) {}

    /** @param facts as the policy lets the reader see them */
    static MissingLinks of(
            NetworkFacts facts,
            List<String> referenceDisciplines,
            int minimumSharedHouseholds,
            DisclosurePolicy policy) {
        int minimumShared = policy.minimumSharedHouseholds(minimumSharedHouseholds);
        return new MissingLinks(
                minimumShared,
                vindplaatsContacts(facts),
                disciplines(facts, referenceDisciplines),
                predictedLinks(facts, minimumShared),
                unlinkedOrganisations(facts, policy));
    }

    private static List<VindplaatsContact> vindplaatsContacts(NetworkFacts facts) {
        Set<List<String>> contacts = facts.contacts().stream()
                .map(c -> List.of(c.team(), c.vindplaats()))
                .collect(Collectors.toSet());
        List<VindplaatsContact> missing = new ArrayList<>();
        for (NetworkFacts.Team team : facts.teams()) {
            Set<String> served = facts.serving().stream()
                    .filter(s -> s.team().equals(team.id()))
                    .map(NetworkFacts.Serving::neighbourhood)
                    .collect(Collectors.toSet());
            facts.vindplaatsen().stream()
                    .filter(v -> served.contains(v.neighbourhood()))
                    .filter(v -> !contacts.contains(List.of(team.id(), v.id())))
                    .sorted(Comparator.comparing((NetworkFacts.Vindplaats v) -> "FORMAL".equals(v.kind()))
                            .thenComparing(NetworkFacts.Vindplaats::name))
                    .forEach(v -> missing.add(new VindplaatsContact(
                            team.id(),
                            v.id(),
                            v.kind(),
                            v.category(),
                            Explanation.of(
                                    "VINDPLAATS_NOT_CONTACTED",
                                    "team",
                                    team.name(),
                                    "neighbourhood",
                                    v.neighbourhood(),
                                    "vindplaats",
                                    v.name(),
                                    "category",
                                    v.category(),
                                    "kind",
                                    v.kind()),
                            "INFORMAL".equals(v.kind())
                                    ? Explanation.of("MEET_IN_PERSON", "vindplaats", v.name())
                                    : Explanation.of("AGREE_CONTACT_PERSON", "vindplaats", v.name()))));
        }
        return missing;
    }

    private static List<Discipline> disciplines(NetworkFacts facts, List<String> reference) {
        Map<String, NetworkFacts.Professional> professionals = facts.professionals().stream()
                .collect(Collectors.toMap(NetworkFacts.Professional::id, p -> p, (a, b) -> a));
        Map<String, String> organisationNames = facts.organisations().stream()
                .collect(Collectors.toMap(NetworkFacts.Organisation::id, NetworkFacts.Organisation::name, (a, b) -> a));
        List<Discipline> missing = new ArrayList<>();
        for (NetworkFacts.Team team : facts.teams()) {
            List<NetworkFacts.Professional> members = facts.secondments().stream()
                    .filter(s -> s.team().equals(team.id()))
                    .map(s -> professionals.get(s.professional()))
                    .toList();
            Set<String> present =
                    members.stream().map(NetworkFacts.Professional::discipline).collect(Collectors.toSet());
            for (String discipline : reference) {
                if (present.contains(discipline)) {
                    continue;
                }
                Set<String> providers = facts.professionals().stream()
                        .filter(p -> discipline.equals(p.discipline()))
                        .map(p -> organisationNames.get(p.organisation()))
                        .collect(Collectors.toCollection(TreeSet::new));
                missing.add(new Discipline(
                        team.id(),
                        discipline,
                        Explanation.of(
                                "NO_MEMBER_IN_DISCIPLINE",
                                "members",
                                String.valueOf(members.size()),
                                "team",
                                team.name(),
                                "discipline",
                                discipline),
                        providers.isEmpty()
                                ? Explanation.of("CONTRACT_DISCIPLINE", "discipline", discipline)
                                : secondment(providers, team.name(), discipline)));
            }
        }
        return missing;
    }

    /** What a pair of professionals shares so far: households, and their Adamic–Adar score. */
    private record Tally(int shared, double score) {

        Tally plus(Tally other) {
            return new Tally(shared + other.shared, score + other.score);
        }
    }

    private static List<PredictedLink> predictedLinks(NetworkFacts facts, int minimumShared) {
        Map<String, Set<String>> professionalsOf = new HashMap<>();
        facts.helping().forEach(h -> professionalsOf
                .computeIfAbsent(h.household(), k -> new TreeSet<>())
                .add(h.professional()));
        Set<Set<String>> linked = new HashSet<>();
        facts.collaborations().forEach(pair -> linked.add(Set.of(pair.first(), pair.second())));
        Map<List<String>, Tally> pairs = new LinkedHashMap<>();
        professionalsOf.values().forEach(around -> {
            List<String> ids = List.copyOf(around);
            Tally household = new Tally(1, 1 / Math.log(ids.size()));
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (!linked.contains(Set.of(ids.get(i), ids.get(j)))) {
                        pairs.merge(List.of(ids.get(i), ids.get(j)), household, Tally::plus);
                    }
                }
            }
        });
        Map<String, String> names = facts.professionals().stream()
                .collect(Collectors.toMap(NetworkFacts.Professional::id, NetworkFacts.Professional::name, (a, b) -> a));
        return pairs.entrySet().stream()
                .filter(e -> e.getValue().shared() >= minimumShared)
                .map(e -> {
                    String first = names.get(e.getKey().get(0));
                    String second = names.get(e.getKey().get(1));
                    int shared = e.getValue().shared();
                    return new PredictedLink(
                            e.getKey().get(0),
                            first,
                            e.getKey().get(1),
                            second,
                            shared,
                            e.getValue().score(),
                            Explanation.of(
                                    "SHARED_HOUSEHOLDS_WITHOUT_COLLABORATION",
                                    "first",
                                    first,
                                    "second",
                                    second,
                                    "households",
                                    String.valueOf(shared)),
                            Explanation.of("INTRODUCE_AND_MEET", "first", first, "second", second));
                })
                .sorted(Comparator.comparingDouble(PredictedLink::score)
                        .reversed()
                        .thenComparing(PredictedLink::first)
                        .thenComparing(PredictedLink::second))
                .toList();
    }

    private static List<UnlinkedOrganisation> unlinkedOrganisations(NetworkFacts facts, DisclosurePolicy policy) {
        if (facts.teams().isEmpty()) {
            return List.of();
        }
        Set<String> teamMembers = facts.secondments().stream()
                .map(NetworkFacts.Secondment::professional)
                .collect(Collectors.toSet());
        Map<String, String> employerOf = facts.professionals().stream()
                .collect(Collectors.toMap(
                        NetworkFacts.Professional::id, NetworkFacts.Professional::organisation, (a, b) -> a));
        Set<String> linkedOrganisations = new HashSet<>();
        teamMembers.forEach(member -> linkedOrganisations.add(employerOf.get(member)));
        facts.collaborations().forEach(pair -> {
            if (teamMembers.contains(pair.first())) {
                linkedOrganisations.add(employerOf.get(pair.second()));
            }
            if (teamMembers.contains(pair.second())) {
                linkedOrganisations.add(employerOf.get(pair.first()));
            }
        });
        Map<String, Set<String>> householdsOf = new LinkedHashMap<>();
        facts.helping().forEach(h -> householdsOf
                .computeIfAbsent(h.organisation(), k -> new HashSet<>())
                .add(h.household()));
        Map<String, String> names = facts.organisations().stream()
                .collect(Collectors.toMap(NetworkFacts.Organisation::id, NetworkFacts.Organisation::name, (a, b) -> a));
        List<String> teams =
                facts.teams().stream().map(NetworkFacts.Team::name).sorted().toList();
        return householdsOf.entrySet().stream()
                .filter(e -> !linkedOrganisations.contains(e.getKey()))
                .filter(e -> policy.mayName(e.getValue().size()))
                .map(e -> new UnlinkedOrganisation(
                        e.getKey(),
                        names.get(e.getKey()),
                        e.getValue().size(),
                        withTeams(
                                Explanation.of(
                                        "ORGANISATION_NOT_LINKED",
                                        "organisation",
                                        names.get(e.getKey()),
                                        "households",
                                        String.valueOf(e.getValue().size())),
                                teams),
                        withTeams(
                                Explanation.of("INVITE_TO_NETWORK_MEETING", "organisation", names.get(e.getKey())),
                                teams)))
                .sorted(Comparator.comparingInt(UnlinkedOrganisation::households)
                        .reversed()
                        .thenComparing(UnlinkedOrganisation::name))
                .toList();
    }

    private static Explanation secondment(Set<String> providers, String team, String discipline) {
        List<Parameter> parameters = new ArrayList<>();
        providers.forEach(provider -> parameters.add(new Parameter("organisation", provider)));
        parameters.add(new Parameter("team", team));
        parameters.add(new Parameter("discipline", discipline));
        return new Explanation("ASK_SECONDMENT", List.copyOf(parameters));
    }

    /** The explanation with every team of the area as a "team" parameter, a list. */
    private static Explanation withTeams(Explanation explanation, List<String> teams) {
        return new Explanation(
                explanation.code(),
                Stream.concat(
                                explanation.parameters().stream(),
                                teams.stream().map(team -> new Parameter("team", team)))
                        .toList());
    }
}
