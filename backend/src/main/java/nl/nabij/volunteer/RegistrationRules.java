package nl.nabij.volunteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.vindplaats.VindplaatsCategory;
import nl.nabij.vindplaats.VindplaatsKind;

/**
 * The rules every field of a registration follows: lengths, characters, and no markup anywhere, so that nothing a
 * stranger sends can become HTML on a team lead's screen. Free text follows {@link PlainText}: any script, nothing
 * hidden. Each broken rule is an error naming its field. Texts are checked as they will be stored: stripped and in
 * Unicode normal form C ({@link PlainText#normalized}).
 */
final class RegistrationRules {

    /**
     * A letter of any script, then letters with their combining marks (vowel signs, accents that did not compose),
     * spaces, dots, hyphens and apostrophes, typed ({@code '}) or typographic ({@code ’ ‘ ʼ}, as phones send them).
     */
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'\u2019\u2018\u02BC\\-]{1,99}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,185}\\.[A-Za-z]{2,24}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{8,20}");
    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final int LONGEST_AVAILABILITY = 200;
    private static final int LONGEST_PLACE_NAME = 100;
    static final int SHORTEST_REASON = 3;
    static final int LONGEST_REASON = 500;
    static final List<String> INFORMAL_CATEGORIES = Arrays.stream(VindplaatsCategory.values())
            .filter(category -> category.kind() == VindplaatsKind.INFORMAL)
            .map(Enum::name)
            .toList();

    private RegistrationRules() {}

    static List<InputError> check(RegistrationInput input) {
        List<InputError> errors = new ArrayList<>();
        errors.addAll(contactErrors(input.name(), input.email(), input.phone(), true));
        if (input.postcode() == null
                || !POSTCODE.matcher(input.postcode().strip()).matches()) {
            errors.add(new InputError(
                    "postcode", "MALFORMED_POSTCODE", "postcode is 4 digits and 2 letters, e.g. 1311HV"));
        }
        boolean existing = input.vindplaatsId() != null;
        boolean proposed = input.proposedPlace() != null;
        if (existing == proposed) {
            errors.add(new InputError(
                    "vindplaatsId", "ONE_PLACE", "give either vindplaatsId or proposedPlace, not both or none"));
        } else if (existing && Ids.canonicalUuid(input.vindplaatsId()) == null) {
            errors.add(new InputError("vindplaatsId", "MALFORMED_ID", "vindplaatsId must be a UUID"));
        } else if (proposed) {
            String name = input.proposedPlace().name() == null
                    ? ""
                    : PlainText.normalized(input.proposedPlace().name());
            if (name.length() < 2 || name.length() > LONGEST_PLACE_NAME || !PlainText.isPlain(name)) {
                errors.add(new InputError(
                        "proposedPlace.name", "PLACE_NAME", "the place's name is 2 to 100 characters of plain text"));
            }
            if (!INFORMAL_CATEGORIES.contains(input.proposedPlace().category())) {
                errors.add(new InputError(
                        "proposedPlace.category",
                        "NOT_INFORMAL",
                        "a proposed place is one of " + String.join(", ", INFORMAL_CATEGORIES)));
            }
        }
        errors.addAll(offerErrors(input.offers()));
        errors.addAll(availabilityErrors(input.availability()));
        if (!input.consentToBeContacted()) {
            errors.add(new InputError(
                    "consentToBeContacted",
                    "CONSENT_REQUIRED",
                    "a team lead can only approve you if they may contact you"));
        }
        return errors;
    }

    static List<InputError> contactErrors(String name, String email, String phone, boolean nameRequired) {
        List<InputError> errors = new ArrayList<>();
        if ((name != null || nameRequired)
                && (name == null || !NAME.matcher(PlainText.normalized(name)).matches())) {
            errors.add(new InputError(
                    "name",
                    "MALFORMED_NAME",
                    "name is 2 to 100 letters of any script, spaces, dots, hyphens or apostrophes"));
        }
        if (email != null
                && (email.length() > 254 || !EMAIL.matcher(email.strip()).matches() || !PlainText.isPlain(email))) {
            errors.add(new InputError("email", "MALFORMED_EMAIL", "email is an address like naam@example.nl"));
        }
        if (phone != null && !PHONE.matcher(phone.strip()).matches()) {
            errors.add(new InputError("phone", "MALFORMED_PHONE", "phone is 8 to 20 digits, spaces, +, ( ) or -"));
        }
        if (nameRequired && email == null && phone == null) {
            errors.add(new InputError("email", "CONTACT_REQUIRED", "give an e-mail address, a phone number or both"));
        }
        return errors;
    }

    static List<InputError> offerErrors(List<Offer> offers) {
        if (offers == null || offers.isEmpty() || offers.size() > Offer.values().length) {
            return List.of(new InputError("offers", "OFFERS_REQUIRED", "choose what you offer, at least one"));
        }
        if (new HashSet<>(offers).size() != offers.size()) {
            return List.of(new InputError("offers", "DUPLICATE_OFFER", "choose each offer once"));
        }
        return List.of();
    }

    static List<InputError> availabilityErrors(String availability) {
        if (availability != null
                && (PlainText.normalized(availability).length() > LONGEST_AVAILABILITY
                        || !PlainText.isPlain(availability))) {
            return List.of(new InputError(
                    "availability", "AVAILABILITY_TEXT", "availability is at most 200 characters of plain text"));
        }
        return List.of();
    }

    static String postcode(String raw) {
        return raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
