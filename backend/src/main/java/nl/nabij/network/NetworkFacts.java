package nl.nabij.network;

import java.util.List;

/**
 * What the graph holds about an area on a day, as one statement reads it: the raw material of the network, its
 * metrics and its missing links. Nothing in it names a resident; households appear only as keys to count shared ones.
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
}
