package nl.nabij.involvement;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.Addresses;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.involvement.InvolvementQueries.Candidate;
import nl.nabij.involvement.InvolvementQueries.NewInvolvement;
import nl.nabij.involvement.InvolvementQueries.Outcome;
import nl.nabij.involvement.InvolvementQueries.Own;
import nl.nabij.involvement.InvolvementQueries.Read;
import nl.nabij.involvement.InvolvementQueries.Registered;
import nl.nabij.involvement.RegisterInvolvementInput.AddressAndMember;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.resident.ResidentLookup;
import nl.nabij.security.NabijUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, ending and renewing involvements, each with its audit event in one transaction. Input is checked whole
 * first; with any error nothing is written. A registration is one statement ({@link InvolvementQueries#register}) that
 * first locks the professional's node, which serialises their registrations: a retry that races the first call finds
 * what it made instead of making a second one. A new involvement is published as {@link InvolvementsRegistered} within
 * the transaction. This is the one-at-a-time way, which joins a caller's transaction (a case system's bulk) and takes
 * the registrations by address and of a BSN Nabij does not hold yet; the GraphQL mutation's other registrations are
 * committed in groups by {@link RegistrationWriter}, through the same statement and the same {@link #answer}.
 *
 * <p>Whom it concerns is named by BSN, by address and member, or by id. Knowing the BSN, or the address with the
 * member's name and birth year, is the mandate (as in the Verwijsindex); by id only what the professional may already
 * see. By address Nabij never lists who lives there: the members born in that year are compared with the name here,
 * and anything but exactly one match is one answer, {@code NO_MATCHING_MEMBER}, that says nothing about who does live
 * there. Such misses are counted per professional and hour ({@link InvolvementProperties#refusedByAddressPerHour()}),
 * so guessing names at an address soon stops being answered.
 */
@Service
class InvolvementRegistry {

    /** The audit basis of registrations by BSN or id: the professional's own. */
    private static final String OWN_REGISTRATION = "own-registration";

    /** The audit basis of a registration by address and member, so the trail tells the two mandates apart. */
    private static final String ADDRESS_AND_MEMBER = "address-and-member";

    private static final int EARLIEST_BIRTH_YEAR = 1900;

    private final InvolvementQueries store;
    private final Pseudonymiser pseudonymiser;
    private final AuditTrail trail;
    private final InvolvementProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ResidentLookup lookup;

    InvolvementRegistry(
            InvolvementQueries store,
            Pseudonymiser pseudonymiser,
            AuditTrail trail,
            InvolvementProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            ObjectProvider<ResidentLookup> lookup) {
        this.store = store;
        this.lookup = lookup.getIfAvailable(() -> ResidentLookup.NONE);
        this.pseudonymiser = pseudonymiser;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** The result of an involvement mutation. */
    record Payload(Involvement involvement, boolean created, List<InputError> errors) {

        static Payload failed(InputError... errors) {
            return new Payload(null, false, List.of(errors));
        }
    }

    @Transactional
    Payload register(NabijUser user, RegisterInvolvementInput input, String origin) {
        List<InputError> errors = check(input);
        if (!errors.isEmpty()) {
            return new Payload(null, false, errors);
        }
        AddressAndMember byAddress = input.addressAndMember();
        NewInvolvement involvement = newInvolvement(user, input);
        if (byAddress != null) {
            // Named by nobody yet, the statement answers a retry with its first result and refuses NOT_IN_A_TEAM
            // before anyone at the address is looked up or a miss is counted, as the other ways do.
            Registered unnamed = registered(involvement);
            if (unnamed.outcome() != Outcome.UNKNOWN_TARGET) {
                return recorded(answer(unnamed, input), user, origin);
            }
            Named named = named(user, byAddress, origin);
            if (named.refusal() != null) {
                return Payload.failed(named.refusal());
            }
            involvement = involvement.naming(named.residentId(), named.householdId());
        }
        Registered registered = registered(involvement);
        if (admitsFirst(registered, input)) {
            // A person Nabij does not hold yet is added from the register of persons with their household, in this
            // transaction; when the register fails, the registration fails and nothing is written.
            ResidentLookup.Outcome outcome = lookup.admit(Bsn.parse(input.bsn()).orElseThrow());
            if (outcome instanceof ResidentLookup.Outcome.Failed failed) {
                return Payload.failed(new InputError("bsn", failed.code(), failed.message()));
            }
            if (outcome instanceof ResidentLookup.Outcome.Admitted) {
                registered = registered(involvement);
            }
        }
        return recorded(answer(registered, input), user, origin);
    }

    /** The registration as the statement takes it, for a checked input. */
    NewInvolvement newInvolvement(NabijUser user, RegisterInvolvementInput input) {
        boolean byBsn = input.bsn() != null;
        return new NewInvolvement(
                UUID.randomUUID().toString(),
                user.role(),
                user.professionalId(),
                byBsn ? pseudonymiser.pseudonymise(Bsn.parse(input.bsn()).orElseThrow()) : null,
                Ids.canonicalUuid(input.residentId()),
                Ids.canonicalUuid(input.householdId()),
                byBsn,
                input.domain(),
                input.legalBasisOrDefault(),
                input.since(),
                LocalDate.now(clock).plus(properties.activePeriod()),
                ClientMutationIds.normalised(input.clientMutationId()),
                input.throughTeam());
    }

    /** A BSN Nabij does not hold yet: the register of persons may know it (only {@link #register} asks it). */
    static boolean admitsFirst(Registered registered, RegisterInvolvementInput input) {
        return registered.outcome() == Outcome.UNKNOWN_TARGET && input.bsn() != null;
    }

    /**
     * What a registration answers, and the audit entry its transaction records with it (none when it is refused).
     *
     * @param created the new involvement's id when one was made, for its match
     */
    record Answer(Payload payload, AuditEntry entry, String created) {}

    /** Announces a new involvement, for its match, and records the audit entry, in the registration's transaction. */
    private Payload recorded(Answer answer, NabijUser user, String origin) {
        if (answer.created() != null) {
            events.publishEvent(new InvolvementsRegistered(List.of(answer.created())));
        }
        if (answer.entry() != null) {
            trail.append(user, origin, List.of(answer.entry()));
        }
        return answer.payload();
    }

    /** What the statement's outcome answers: the involvement with its audit entry, or why it was refused. */
    static Answer answer(Registered registered, RegisterInvolvementInput input) {
        boolean byBsn = input.bsn() != null;
        String basis = input.addressAndMember() != null ? ADDRESS_AND_MEMBER : OWN_REGISTRATION;
        return switch (registered.outcome()) {
            case NOT_IN_A_TEAM -> refused(
                    new InputError("throughTeam", "NOT_IN_A_TEAM", "you are not seconded to a wijkteam"));
                // By id only what the professional may already see: registering must not become a way into a household.
            case UNKNOWN_TARGET -> {
                if (input.addressAndMember() != null) {
                    // The member named a moment ago has gone meanwhile (moved or removed): as if never found.
                    yield refused(noMatchingMember());
                }
                yield input.householdId() != null
                        ? refused(new InputError(
                                "householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id"))
                        : refused(new InputError(
                                byBsn ? "bsn" : "residentId",
                                "UNKNOWN_RESIDENT",
                                byBsn
                                        ? "Nabij holds no resident with this BSN"
                                        : "no resident you may see has this id"));
            }
            case REPLAYED -> audited(registered.read(), false, "READ", "involvement-register-retry", OWN_REGISTRATION);
            case EXISTING -> audited(registered.read(), false, "READ", "involvement-register-existing", basis);
            case CREATED -> audited(registered.read(), true, "CHANGE", "involvement-register", basis);
        };
    }

    private static Answer refused(InputError error) {
        return new Answer(Payload.failed(error), null, null);
    }

    private static Answer audited(Read read, boolean created, String action, String purpose, String basis) {
        return new Answer(
                new Payload(read.involvement(), created, List.of()),
                new AuditEntry(action, true, purpose, basis, read.subjects()),
                created ? read.involvement().id() : null);
    }

    /** Whom a registration by address and member concerns: a resident or their household, or why it is refused. */
    private record Named(String residentId, String householdId, InputError refusal) {}

    private Named named(NabijUser user, AddressAndMember byAddress, String origin) {
        String hour = clock.instant().truncatedTo(ChronoUnit.HOURS).toString();
        if (store.memberMisses(user.professionalId(), hour) >= properties.refusedByAddressPerHour()) {
            refusedByAddress(user, origin, "too-many-misses");
            return new Named(
                    null,
                    null,
                    new InputError(
                            "addressAndMember",
                            "TOO_MANY_MISSES",
                            "too many registrations by address found no member this hour; use the BSN or wait"));
        }
        Optional<Candidate> member = memberAtAddress(user, byAddress, hour, origin);
        if (member.isEmpty()) {
            return new Named(null, null, noMatchingMember());
        }
        return byAddress.wholeHousehold()
                ? new Named(null, member.get().householdId(), null)
                : new Named(member.get().residentId(), null, null);
    }

    private static InputError noMatchingMember() {
        return new InputError(
                "addressAndMember",
                "NO_MATCHING_MEMBER",
                "Nabij cannot name one member from this address, name and birth year");
    }

    /**
     * The one member at the address whose name and birth year match, or empty with none or several. Every empty answer
     * is audited as a refused search and counted against the professional in this hour, in the registration's
     * transaction.
     */
    private Optional<Candidate> memberAtAddress(NabijUser user, AddressAndMember named, String hour, String origin) {
        String name = comparable(named.name());
        List<Candidate> matches = store
                .membersAtAddress(
                        Addresses.normalisePostcode(named.postcode()),
                        named.houseNumber(),
                        Addresses.normaliseAddition(named.houseNumberAddition()),
                        named.birthYear())
                .stream()
                .filter(candidate -> comparable(candidate.name()).equals(name))
                .toList();
        if (matches.size() != 1) {
            store.countMemberMiss(user.professionalId(), hour);
            refusedByAddress(user, origin, matches.isEmpty() ? "no-match" : "ambiguous-member");
            return Optional.empty();
        }
        return Optional.of(matches.get(0));
    }

    private void refusedByAddress(NabijUser user, String origin, String basis) {
        trail.append(user, origin, List.of(new AuditEntry("SEARCH", false, "involvement-register", basis, List.of())));
    }

    /** A name as compared: without accents, case and whitespace, so "Noor  Kringtést" is "noorkringtest". */
    static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("\\s", "")
                .toLowerCase(Locale.ROOT);
    }

    private Registered registered(NewInvolvement involvement) {
        Registered registered = store.register(List.of(involvement)).get(involvement.id());
        if (registered == null) {
            throw new IllegalStateException("the signed-in user acts as no known professional");
        }
        return registered;
    }

    @Transactional
    Payload end(NabijUser user, EndInvolvementInput input, String origin) {
        Optional<Own> own = own(user, input.involvementId());
        if (own.isEmpty()) {
            return unknownInvolvement();
        }
        List<InputError> errors = new ArrayList<>();
        if (!own.get().active()) {
            errors.add(new InputError("involvementId", "NOT_ACTIVE", "this involvement has ended already"));
        }
        if (input.until().isBefore(own.get().since())) {
            errors.add(new InputError("until", "UNTIL_BEFORE_SINCE", "until is on or after the involvement's since"));
        } else if (input.until().isAfter(LocalDate.now(clock))) {
            errors.add(new InputError("until", "UNTIL_IN_FUTURE", "until is today or earlier"));
        }
        if (input.reason() == EndReason.EXPIRED) {
            errors.add(new InputError("reason", "RESERVED_REASON", "EXPIRED is set by Nabij when a period runs out"));
        }
        if (!errors.isEmpty()) {
            return new Payload(null, false, errors);
        }
        store.end(Ids.canonicalUuid(input.involvementId()), input.until(), input.reason());
        return recorded(Ids.canonicalUuid(input.involvementId()), user, origin, "involvement-end");
    }

    @Transactional
    Payload renew(NabijUser user, String involvementId, String origin) {
        Optional<Own> own = own(user, involvementId);
        if (own.isEmpty()) {
            return unknownInvolvement();
        }
        if (!own.get().active()) {
            return Payload.failed(new InputError(
                    "involvementId", "NOT_ACTIVE", "an ended involvement is not renewed; register a new one"));
        }
        store.renew(Ids.canonicalUuid(involvementId), LocalDate.now(clock).plus(properties.activePeriod()));
        return recorded(Ids.canonicalUuid(involvementId), user, origin, "involvement-renew");
    }

    private Optional<Own> own(NabijUser user, String involvementId) {
        String id = Ids.canonicalUuid(involvementId);
        if (id == null) {
            return Optional.empty();
        }
        return store.own(user.professionalId(), id);
    }

    private static Payload unknownInvolvement() {
        // Someone else's involvement reads as unknown: only its professional may change it.
        return Payload.failed(
                new InputError("involvementId", "UNKNOWN_INVOLVEMENT", "you registered no involvement with this id"));
    }

    private Payload recorded(String id, NabijUser user, String origin, String purpose) {
        Read read = store.read(id, true)
                .orElseThrow(() -> new IllegalStateException("involvement " + id + " vanished in its transaction"));
        trail.append(user, origin, List.of(new AuditEntry("CHANGE", true, purpose, OWN_REGISTRATION, read.subjects())));
        return new Payload(read.involvement(), false, List.of());
    }

    /** Every error of the input as a whole, before anything is looked up; empty when it may be registered. */
    List<InputError> check(RegisterInvolvementInput input) {
        List<InputError> errors = new ArrayList<>();
        int targets = (input.bsn() == null ? 0 : 1)
                + (input.residentId() == null ? 0 : 1)
                + (input.householdId() == null ? 0 : 1)
                + (input.addressAndMember() == null ? 0 : 1);
        if (targets != 1) {
            errors.add(new InputError(
                    "bsn", "ONE_TARGET", "give exactly one of bsn, residentId, householdId and addressAndMember"));
        } else if (input.addressAndMember() != null) {
            errors.addAll(check(input.addressAndMember()));
        } else if (input.bsn() != null && Bsn.parse(input.bsn()).isEmpty()) {
            errors.add(new InputError("bsn", "INVALID_BSN", "bsn must be 8 or 9 digits that pass the elfproef"));
        } else if (input.residentId() != null && Ids.canonicalUuid(input.residentId()) == null) {
            errors.add(new InputError("residentId", "MALFORMED_ID", "residentId must be a UUID"));
        } else if (input.householdId() != null && Ids.canonicalUuid(input.householdId()) == null) {
            errors.add(new InputError("householdId", "MALFORMED_ID", "householdId must be a UUID"));
        }
        if (input.since().isAfter(LocalDate.now(clock))) {
            errors.add(new InputError("since", "SINCE_IN_FUTURE", "since is today or earlier"));
        }
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        return errors;
    }

    /** The address as households are keyed, a name and a birth year that can be someone's; fields named in full. */
    private List<InputError> check(AddressAndMember named) {
        List<InputError> errors = new ArrayList<>();
        List<Runnable> addressChecks = List.of(
                () -> Addresses.normalisePostcode(named.postcode()),
                () -> Addresses.requireHouseNumber(named.houseNumber()),
                () -> Addresses.normaliseAddition(named.houseNumberAddition()));
        for (Runnable check : addressChecks) {
            try {
                check.run();
            } catch (InvalidArgumentException e) {
                errors.add(new InputError("addressAndMember." + e.field(), e.code(), e.getMessage()));
            }
        }
        if (named.name() == null || comparable(named.name()).isEmpty()) {
            errors.add(new InputError("addressAndMember.name", "REQUIRED", "name is the member's name"));
        }
        if (named.birthYear() < EARLIEST_BIRTH_YEAR
                || named.birthYear() > Year.now(clock).getValue()) {
            errors.add(new InputError(
                    "addressAndMember.birthYear",
                    "BIRTH_YEAR_OUT_OF_RANGE",
                    "birthYear lies between " + EARLIEST_BIRTH_YEAR + " and this year"));
        }
        return errors;
    }
}
