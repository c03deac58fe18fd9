package nl.nabij.brp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.MemberRole;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.resident.ResidentLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Adds a person Nabij does not hold, with their household, from the BRP: the person
 * ({@code RaadpleegMetBurgerservicenummer}), then the people registered at their address
 * ({@code ZoekMetAdresseerbaarObjectIdentificatie}). Of those, the household is the person, their parents, children
 * and partners, and the minors over whom one of these has authority ({@code gezag}: a partner's child). A member is a
 * CHILD when the BRP names them as a minor in a {@code gezag} relation or gives an age under 18, else an ADULT. Only
 * pseudonyms, display names, birth years and the secrecy indication are stored; every BSN is dropped after use.
 */
@Component
@ConditionalOnBooleanProperty("nabij.brp.enabled")
class BrpHouseholds implements ResidentLookup {

    private static final Logger log = LoggerFactory.getLogger(BrpHouseholds.class);
    private static final int ADULTHOOD = 18;

    private final BrpClient brp;
    private final BrpQueries queries;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    BrpHouseholds(BrpClient brp, BrpQueries queries, Pseudonymiser pseudonymiser, Clock clock) {
        this.brp = brp;
        this.queries = queries;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    @Override
    public Outcome admit(Bsn bsn) {
        try {
            return admit(bsn.digitsForTheRegister());
        } catch (BrpException e) {
            // The message names the failure and the Foutbericht's code, never the BSN.
            log.warn("BRP lookup failed: {}", e.getMessage());
            return new Outcome.Failed(e.kind().code(), e.getMessage());
        }
    }

    private Outcome admit(String bsn) {
        Optional<Personen.Persoon> found = brp.byBsn(List.of(bsn)).stream()
                .filter(person -> bsn.equals(person.burgerservicenummer()))
                .findFirst();
        if (found.isEmpty() || found.get().deceased()) {
            return Outcome.NOT_REGISTERED;
        }
        Personen.Persoon person = found.get();
        Optional<BrpQueries.Place> place = place(person);
        if (place.isEmpty()) {
            return new Outcome.Failed(
                    "OUTSIDE_MUNICIPALITY", "the BRP registers this person at no address in this municipality");
        }
        List<Personen.Persoon> housemates =
                brp.atAddressableObject(person.verblijfplaats().adresseerbaarObjectIdentificatie());
        List<BrpQueries.Member> members = household(person, housemates);
        queries.admit(place.get(), UUID.randomUUID().toString(), members);
        return Outcome.ADMITTED;
    }

    /** The person's address as Nabij stores it, when it lies in the municipality that registers them. */
    Optional<BrpQueries.Place> place(Personen.Persoon person) {
        if (person.verblijfplaats() == null
                || !person.verblijfplaats().isAddress()
                || person.gemeenteVanInschrijving() == null
                || person.gemeenteVanInschrijving().code() == null) {
            return Optional.empty();
        }
        Personen.Verblijfadres address = person.verblijfplaats().verblijfadres();
        String postcode = address.nabijPostcode();
        return queries.neighbourhood(
                        postcode, "GM" + person.gemeenteVanInschrijving().code())
                .map(neighbourhood ->
                        new BrpQueries.Place(postcode, address.huisnummer(), address.addition(), neighbourhood));
    }

    private List<BrpQueries.Member> household(Personen.Persoon person, List<Personen.Persoon> housemates) {
        Map<String, Personen.Persoon> atAddress = housemates.stream()
                .filter(housemate -> housemate.burgerservicenummer() != null)
                .collect(Collectors.toMap(Personen.Persoon::burgerservicenummer, Function.identity(), (a, b) -> a));
        Set<String> household = new HashSet<>();
        household.add(person.burgerservicenummer());
        person.relatives().filter(atAddress::containsKey).forEach(household::add);
        List<Personen.Gezagsrelatie> authority = Stream.concat(Stream.of(person), housemates.stream())
                .filter(someone -> someone.gezag() != null)
                .flatMap(someone -> someone.gezag().stream())
                .filter(relation -> relation.minderjarige() != null
                        && relation.minderjarige().burgerservicenummer() != null)
                .toList();
        authority.stream()
                .filter(relation ->
                        atAddress.containsKey(relation.minderjarige().burgerservicenummer())
                                && relation.holders().anyMatch(household::contains))
                .forEach(relation -> household.add(relation.minderjarige().burgerservicenummer()));
        Set<String> minors = authority.stream()
                .map(relation -> relation.minderjarige().burgerservicenummer())
                .collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock);
        List<BrpQueries.Member> members = new ArrayList<>();
        for (String memberBsn : household) {
            Personen.Persoon member = memberBsn.equals(person.burgerservicenummer())
                    ? merged(person, atAddress.get(memberBsn))
                    : atAddress.get(memberBsn);
            Optional<Integer> birthYear = member.birthYear(today);
            if (birthYear.isEmpty()) {
                // Nabij shows a birth year for every resident; a housemate without one is left out, not invented.
                continue;
            }
            boolean minor = minors.contains(memberBsn)
                    || (member.leeftijd() != null && member.leeftijd() < ADULTHOOD)
                    || (member.leeftijd() == null && today.getYear() - birthYear.get() < ADULTHOOD);
            members.add(new BrpQueries.Member(
                    pseudonymiser.pseudonymise(memberBsn),
                    UUID.randomUUID().toString(),
                    member.displayName(),
                    birthYear.get(),
                    minor ? MemberRole.CHILD : MemberRole.ADULT,
                    member.secret()));
        }
        return members;
    }

    /** The person as asked by BSN, with the age the address search gave when the first answer had none. */
    private static Personen.Persoon merged(Personen.Persoon person, Personen.Persoon atAddress) {
        if (atAddress == null || person.leeftijd() != null) {
            return person;
        }
        return new Personen.Persoon(
                person.burgerservicenummer(),
                person.geheimhoudingPersoonsgegevens(),
                person.naam(),
                person.geboorte(),
                atAddress.leeftijd(),
                person.overlijden(),
                person.verblijfplaats(),
                person.gemeenteVanInschrijving(),
                person.ouders(),
                person.kinderen(),
                person.partners(),
                person.gezag());
    }
}
