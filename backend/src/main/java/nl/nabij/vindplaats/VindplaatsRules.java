package nl.nabij.vindplaats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import org.springframework.stereotype.Component;

/**
 * What a vindplaats must be before it is written, whoever writes it: a mutation or an HSDS import. It also settles the
 * neighbourhood: the one given, else the one the postcode's households lie in. Errors name the field as the mutation
 * input calls it ({@code address.postcode}, {@code openingHours[1].closes}).
 */
@Component
public class VindplaatsRules {

    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}[A-Z]{2}");
    private static final Pattern ADDITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,9}");
    private static final Pattern NEIGHBOURHOOD_CODE = Pattern.compile("BU\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");
    private static final int MOST_OPENING_HOURS = 28;

    private final VindplaatsQueries store;

    VindplaatsRules(VindplaatsQueries store) {
        this.store = store;
    }

    /** The outcome of the checks: the neighbourhood the vindplaats lies in when there are no errors. */
    public record Verdict(String neighbourhoodCode, List<InputError> errors) {}

    /** Checks a normalised draft. */
    public Verdict check(VindplaatsDraft draft) {
        List<InputError> errors = new ArrayList<>();
        text(errors, "name", draft.name(), 2, 120, "NAME");
        if (draft.category() == null) {
            errors.add(new InputError("category", "CATEGORY_REQUIRED", "category is required"));
        } else if (draft.kind() != null && draft.kind() != draft.category().kind()) {
            errors.add(new InputError(
                    "category",
                    "CATEGORY_NOT_OF_KIND",
                    "a " + draft.category() + " vindplaats is "
                            + draft.category().kind()));
        }
        if (draft.description() != null) {
            if (draft.description().length() > 1000) {
                errors.add(
                        new InputError("description", "DESCRIPTION_LENGTH", "description is at most 1000 characters"));
            } else if (!PlainText.isPlainLines(draft.description())) {
                errors.add(new InputError(
                        "description",
                        "DESCRIPTION_CHARACTERS",
                        "description is plain text: no control or invisible characters, < or >"));
            }
        }
        if (draft.address() != null) {
            checkAddress(errors, draft.address());
        }
        checkOpeningHours(errors, draft.openingHours());
        if (draft.contact() != null) {
            checkContact(errors, draft.contact());
        }
        if (draft.organisationId() != null) {
            checkOrganisation(errors, draft.organisationId());
        }
        String neighbourhood = neighbourhood(errors, draft);
        return new Verdict(errors.isEmpty() ? neighbourhood : null, errors);
    }

    private void checkAddress(List<InputError> errors, VindplaatsAddress address) {
        text(errors, "address.street", address.street(), 2, 80, "STREET");
        if (address.houseNumber() == null || address.houseNumber() < 1 || address.houseNumber() > 99999) {
            errors.add(new InputError(
                    "address.houseNumber", "HOUSE_NUMBER_RANGE", "houseNumber is a number from 1 to 99999"));
        }
        if (address.houseNumberAddition() != null
                && !ADDITION.matcher(address.houseNumberAddition()).matches()) {
            errors.add(
                    new InputError(
                            "address.houseNumberAddition",
                            "MALFORMED_ADDITION",
                            "houseNumberAddition is 1 to 10 letters, digits, spaces or dashes, starting with a letter or digit"));
        }
        if (address.postcode() == null || !POSTCODE.matcher(address.postcode()).matches()) {
            errors.add(new InputError(
                    "address.postcode", "MALFORMED_POSTCODE", "postcode is four digits and two letters, e.g. 1311HV"));
        }
        text(errors, "address.city", address.city(), 2, 80, "CITY");
    }

    private static void checkOpeningHours(List<InputError> errors, List<OpeningHours> openingHours) {
        if (openingHours.size() > MOST_OPENING_HOURS) {
            errors.add(new InputError(
                    "openingHours", "TOO_MANY_OPENING_HOURS", "at most " + MOST_OPENING_HOURS + " opening periods"));
            return;
        }
        for (int i = 0; i < openingHours.size(); i++) {
            OpeningHours entry = openingHours.get(i);
            String field = "openingHours[" + i + "]";
            if (entry.weekday() == null) {
                errors.add(new InputError(field + ".weekday", "WEEKDAY_REQUIRED", "weekday is required"));
            }
            boolean opens = OpeningHours.isTime(entry.opens());
            boolean closes = OpeningHours.isTime(entry.closes());
            if (!opens) {
                errors.add(new InputError(field + ".opens", "MALFORMED_TIME", "opens is a time HH:MM, e.g. 09:00"));
            }
            if (!closes) {
                errors.add(new InputError(field + ".closes", "MALFORMED_TIME", "closes is a time HH:MM, e.g. 17:30"));
            }
            if (opens && closes && entry.closes().compareTo(entry.opens()) <= 0) {
                errors.add(new InputError(
                        field + ".closes", "CLOSES_BEFORE_OPENS", "closes is later than opens on the same day"));
            }
        }
    }

    private static void checkContact(List<InputError> errors, VindplaatsContact contact) {
        if (contact.name() != null) {
            text(errors, "contact.name", contact.name(), 2, 120, "CONTACT_NAME");
        }
        if (contact.email() != null
                && (contact.email().length() > 254
                        || !EMAIL.matcher(contact.email()).matches())) {
            errors.add(new InputError("contact.email", "MALFORMED_EMAIL", "email is an e-mail address"));
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            errors.add(new InputError(
                    "contact.phone",
                    "MALFORMED_PHONE",
                    "phone is 6 to 20 digits, spaces, dashes or parentheses, optionally after a +"));
        }
    }

    private void checkOrganisation(List<InputError> errors, String organisationId) {
        String id = Ids.canonicalUuid(organisationId);
        if (id == null) {
            errors.add(new InputError("organisationId", "MALFORMED_ID", "organisationId must be a UUID"));
        } else if (!store.organisationExists(id)) {
            errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
        }
    }

    private String neighbourhood(List<InputError> errors, VindplaatsDraft draft) {
        String code = draft.neighbourhoodCode();
        if (code != null) {
            if (!NEIGHBOURHOOD_CODE.matcher(code).matches()) {
                errors.add(new InputError(
                        "neighbourhoodCode", "MALFORMED_CODE", "neighbourhoodCode must be BU followed by 8 digits"));
                return null;
            }
            if (!store.neighbourhoodExists(code)) {
                errors.add(
                        new InputError("neighbourhoodCode", "UNKNOWN_NEIGHBOURHOOD", "no neighbourhood has this code"));
                return null;
            }
            return code;
        }
        String postcode = draft.address() == null ? null : draft.address().postcode();
        if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
            // The postcode's own error says what to fix; once it is right it may well find the neighbourhood.
            return null;
        }
        String derived = postcode == null
                ? null
                : store.neighbourhoodOfPostcode(postcode).orElse(null);
        if (derived == null) {
            errors.add(new InputError(
                    "neighbourhoodCode",
                    "NEIGHBOURHOOD_REQUIRED",
                    "give the neighbourhoodCode: no neighbourhood is known for this postcode"));
        }
        return derived;
    }

    private static void text(
            List<InputError> errors, String field, String value, int shortest, int longest, String code) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        if (value == null || value.length() < shortest || value.length() > longest) {
            errors.add(new InputError(
                    field, code + "_LENGTH", name + " is " + shortest + " to " + longest + " characters"));
        } else if (!PlainText.isPlain(value)) {
            errors.add(new InputError(
                    field, code + "_CHARACTERS", name + " is plain text: no control or invisible characters, < or >"));
        }
    }
}
