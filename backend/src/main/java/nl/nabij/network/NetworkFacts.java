package nl.nabij.network;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.nabij.disclosure.DisclosurePolicy;

/**
 * What the graph holds about an area on a day, as one statement reads it: the raw material of the network, its
 * metrics and its missing links. Nothing in it names a resident; households appear only as keys to count shared ones.
 * {@link #disclosed} is what of it a reader under disclosure control may see.
 */
record NetworkFacts(
        List<Team> teams,
        List<Serving> serving,
        List<Professional> professionals,
        List<Organisation> organisations,
        List<Vindplaats> vindplaatsen,
        List<Helping> helping,
        List<Secondment> secondments,
        List<Pair> collaborations,
        List<Contact> contacts,
        List<Referral> referrals) {

    record Team(String id, String name) {}

    /** A team serving one of the area's neighbourhoods. */
    record Serving(String team, String neighbourhood) {}

    record Professional(String id, String name, String discipline, String organisation) {}

    record Organisation(String id, String name, String kind) {}

    /** A vindplaats; {@code neighbourhood} is null for one outside the area that a team is in contact with. */
    record Vindplaats(String id, String name, String kind, String category, String neighbourhood) {}

    /** A professional helping a household of the area that day, for an organisation. */
    record Helping(String professional, String organisation, String household) {}

    record Secondment(String professional, String team) {}

    record Pair(String first, String second) {}

    record Contact(String team, String vindplaats) {}

    record Referral(String from, String to) {}

    /**
     * The facts as the policy lets a reader see them: a professional who is no team member only when they help at
     * least the minimum number of the area's households, an organisation only when it employs someone shown, helps
     * that many households or takes part in that many referrals to or from one other organisation, and referrals
     * only between two organisations with that many. A team member is part of the area's structure and always shown.
     * The helping of a professional or an organisation shown stays whole, so what is counted from it is exact.
     */
    NetworkFacts disclosed(DisclosurePolicy policy) {
        if (!policy.suppressing()) {
            return this;
        }
        Map<String, Set<String>> householdsOfProfessional = householdsBy(Helping::professional);
        Map<String, Set<String>> householdsOfOrganisation = householdsBy(Helping::organisation);
        Set<String> shownProfessionals = new HashSet<>();
        secondments.forEach(secondment -> shownProfessionals.add(secondment.professional()));
        householdsOfProfessional.forEach((professional, households) -> {
            if (policy.mayName(households.size())) {
                shownProfessionals.add(professional);
            }
        });
        Map<Referral, Integer> referralsBetween = new LinkedHashMap<>();
        referrals.forEach(referral -> referralsBetween.merge(referral, 1, Integer::sum));
        List<Referral> shownReferrals = referrals.stream()
                .filter(referral -> policy.mayName(referralsBetween.get(referral)))
                .toList();
        List<Professional> professionalsShown = professionals.stream()
                .filter(professional -> shownProfessionals.contains(professional.id()))
                .toList();
        Set<String> shownOrganisations = new HashSet<>();
        professionalsShown.forEach(professional -> shownOrganisations.add(professional.organisation()));
        householdsOfOrganisation.forEach((organisation, households) -> {
            if (policy.mayName(households.size())) {
                shownOrganisations.add(organisation);
            }
        });
        shownReferrals.forEach(referral -> {
            shownOrganisations.add(referral.from());
            shownOrganisations.add(referral.to());
        });
        return new NetworkFacts(
                teams,
                serving,
                professionalsShown,
                organisations.stream()
                        .filter(organisation -> shownOrganisations.contains(organisation.id()))
                        .toList(),
                vindplaatsen,
                helping.stream()
                        .filter(h -> policy.mayName(householdsOfProfessional
                                        .get(h.professional())
                                        .size())
                                || policy.mayName(householdsOfOrganisation
                                        .get(h.organisation())
                                        .size()))
                        .toList(),
                secondments,
                collaborations.stream()
                        .filter(pair ->
                                shownProfessionals.contains(pair.first()) && shownProfessionals.contains(pair.second()))
                        .toList(),
                contacts,
                shownReferrals);
    }

    private Map<String, Set<String>> householdsBy(Function<Helping, String> key) {
        Map<String, Set<String>> households = new HashMap<>();
        helping.forEach(h ->
                households.computeIfAbsent(key.apply(h), k -> new HashSet<>()).add(h.household()));
        return households;
    }
}
