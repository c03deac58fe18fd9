package nl.nabij.brp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.nabij.involvement.EndReason;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the residents Nabij holds current with the BRP. Nabij stores no BSN, only its keyed pseudonym, so it cannot
 * ask the BRP about a resident on its own: the sync asks by address (each household's postcode and house number),
 * then by BSN for the held residents found there and for their parents, children and partners, and recognises
 * residents by pseudonym. An administrator can also sync named residents by BSN (from the municipality's mutation
 * feed). Per resident, in a transaction of its own: name, birth year and {@code geheimhoudingPersoonsgegevens} are
 * refreshed; a death ends their active involvements (DECEASED); a move out of the municipality or abroad ends them
 * (MOVED); a move within it moves them to the household at the new address, and the old household keeps its history.
 */
@Service
@ConditionalOnBooleanProperty("nabij.brp.enabled")
class BrpSync {

    private static final int PAGE = 200;

    private final BrpClient brp;
    private final BrpQueries queries;
    private final BrpHouseholds households;
    private final Pseudonymiser pseudonymiser;
    private final TransactionOperations transactions;
    private final Clock clock;

    BrpSync(
            BrpClient brp,
            BrpQueries queries,
            BrpHouseholds households,
            Pseudonymiser pseudonymiser,
            TransactionOperations transactions,
            Clock clock) {
        this.brp = brp;
        this.queries = queries;
        this.households = households;
        this.pseudonymiser = pseudonymiser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a sync did, in counts. */
    record Report(int checked, int moved, int movedAway, int deceased, int involvementsEnded, int notFound) {}

    /**
     * A sync's report, with the pseudonyms of the residents it changed (moved, or whose involvements it ended) for the
     * audit trail; never served.
     */
    record Run(Report report, List<String> changed) {}

    /** Counts a sync run as it goes. */
    private static final class Tally {
        final List<String> changed = new ArrayList<>();
        int checked;
        int moved;
        int movedAway;
        int deceased;
        int involvementsEnded;
        int notFound;

        Run run() {
            return new Run(new Report(checked, moved, movedAway, deceased, involvementsEnded, notFound), changed);
        }
    }

    /** Syncs the held residents with these BSNs; a BSN Nabij does not hold is skipped. */
    Run byBsn(List<Bsn> bsns) {
        Tally tally = new Tally();
        List<String> digits = List.copyOf(
                held(bsns.stream().map(Bsn::digitsForTheRegister).distinct().toList())
                        .keySet());
        Set<String> found = new HashSet<>();
        for (Personen.Persoon person : ask(digits)) {
            found.add(person.burgerservicenummer());
            sync(person, tally);
        }
        tally.notFound +=
                (int) digits.stream().filter(bsn -> !found.contains(bsn)).count();
        return tally.run();
    }

    /** Syncs every household's residents, asking the BRP who lives at its address. */
    Run everyHousehold() {
        Tally tally = new Tally();
        String after = "";
        List<BrpQueries.Address> page;
        do {
            page = queries.addresses(after, PAGE);
            for (BrpQueries.Address address : page) {
                household(address, tally);
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == PAGE);
        return tally.run();
    }

    private void household(BrpQueries.Address address, Tally tally) {
        Set<String> members = new HashSet<>(queries.members(address.id()));
        Map<String, String> heldThere = held(brp.atPostcode(address.postcode(), address.houseNumber()).stream()
                .map(Personen.Persoon::burgerservicenummer)
                .filter(bsn -> bsn != null)
                .toList());
        List<Personen.Persoon> persons = new ArrayList<>(ask(List.copyOf(heldThere.keySet())));
        Set<String> seen = new HashSet<>(heldThere.values());
        // Members no longer found at the address are looked for among the family of those who are.
        List<String> relatives = held(persons.stream()
                        .flatMap(Personen.Persoon::relatives)
                        .filter(bsn -> !heldThere.containsKey(bsn))
                        .distinct()
                        .toList())
                .entrySet()
                .stream()
                .filter(relative -> members.contains(relative.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        for (Personen.Persoon relative : ask(relatives)) {
            persons.add(relative);
        }
        for (Personen.Persoon person : persons) {
            seen.add(pseudonymiser.pseudonymise(person.burgerservicenummer()));
            sync(person, tally);
        }
        members.removeAll(seen);
        tally.notFound += members.size();
    }

    /** The held ones of these BSNs, each with its pseudonym. */
    private Map<String, String> held(List<String> bsns) {
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        bsns.forEach(bsn -> pseudonyms.put(bsn, pseudonymiser.pseudonymise(bsn)));
        Set<String> held = new HashSet<>(queries.held(List.copyOf(pseudonyms.values())));
        pseudonyms.values().retainAll(held);
        return pseudonyms;
    }

    private List<Personen.Persoon> ask(List<String> bsns) {
        List<Personen.Persoon> persons = new ArrayList<>();
        for (int from = 0; from < bsns.size(); from += BrpClient.MOST_PER_QUESTION) {
            persons.addAll(brp.byBsn(bsns.subList(from, Math.min(bsns.size(), from + BrpClient.MOST_PER_QUESTION))));
        }
        return persons;
    }

    /** What the sync did to one resident. */
    private enum Change {
        NOT_HELD,
        REFRESHED,
        MOVED,
        MOVED_AWAY,
        DECEASED
    }

    private record Synced(Change change, long involvementsEnded) {}

    private void sync(Personen.Persoon person, Tally tally) {
        if (person.burgerservicenummer() == null) {
            return;
        }
        String pseudonym = pseudonymiser.pseudonymise(person.burgerservicenummer());
        LocalDate today = LocalDate.now(clock);
        // Counted after the transaction, so a try retried after a transient error is counted once.
        Synced synced = transactions.execute(status -> {
            Optional<BrpQueries.Home> home = queries.home(pseudonym);
            if (home.isEmpty()) {
                return new Synced(Change.NOT_HELD, 0);
            }
            person.birthYear(today)
                    .ifPresent(year -> queries.refresh(pseudonym, person.displayName(), year, person.secret()));
            if (person.deceased()) {
                return new Synced(
                        Change.DECEASED, queries.endInvolvements(pseudonym, today, EndReason.DECEASED.name()));
            }
            Optional<BrpQueries.Place> place = households.place(person);
            if (place.isEmpty()) {
                return new Synced(Change.MOVED_AWAY, queries.endInvolvements(pseudonym, today, EndReason.MOVED.name()));
            }
            if (!place.get().sameAddress(home.get())) {
                queries.move(pseudonym, place.get(), UUID.randomUUID().toString(), today);
                return new Synced(Change.MOVED, 0);
            }
            return new Synced(Change.REFRESHED, 0);
        });
        if (synced == null || synced.change() == Change.NOT_HELD) {
            return;
        }
        tally.checked++;
        tally.involvementsEnded += (int) synced.involvementsEnded();
        if (synced.change() != Change.REFRESHED) {
            tally.changed.add(pseudonym);
        }
        switch (synced.change()) {
            case MOVED -> tally.moved++;
            case MOVED_AWAY -> tally.movedAway++;
            case DECEASED -> tally.deceased++;
            default -> {
                // Refreshed only: counted as checked.
            }
        }
    }
}
