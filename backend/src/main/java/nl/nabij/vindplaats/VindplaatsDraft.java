package nl.nabij.vindplaats;

import java.util.Comparator;
import java.util.List;
import nl.nabij.api.Ids;

/**
 * Everything a vindplaats is, as it will be written: from a mutation's input merged with what is stored, or from an
 * HSDS record. Two drafts are equal exactly when writing one over the other would change nothing.
 *
 * @param neighbourhoodCode the neighbourhood given explicitly; null to take it from the postcode
 * @param organisationId the organisation that runs the place, if any
 */
public record VindplaatsDraft(
        String name,
        VindplaatsKind kind,
        VindplaatsCategory category,
        String description,
        VindplaatsAddress address,
        String neighbourhoodCode,
        List<OpeningHours> openingHours,
        VindplaatsContact contact,
        boolean isPublic,
        VindplaatsStatus status,
        String organisationId) {

    private static final Comparator<OpeningHours> WEEK_ORDER =
            Comparator.comparing(OpeningHours::weekday).thenComparing(OpeningHours::opens);

    /**
     * The same draft with text stripped, empty text as absent, the postcode without spaces in capitals, and an address
     * or contact that holds nothing as none. Opening hours keep their order, so errors can point at an entry.
     */
    public VindplaatsDraft normalised() {
        VindplaatsAddress normalAddress = address == null
                ? null
                : new VindplaatsAddress(
                        text(address.street()),
                        address.houseNumber(),
                        text(address.houseNumberAddition()),
                        address.postcode() == null
                                ? null
                                : text(address.postcode().replace(" ", "").toUpperCase()),
                        text(address.city()));
        if (normalAddress != null
                && normalAddress.street() == null
                && normalAddress.houseNumber() == null
                && normalAddress.postcode() == null
                && normalAddress.city() == null) {
            normalAddress = null;
        }
        VindplaatsContact normalContact = contact == null
                ? null
                : new VindplaatsContact(text(contact.name()), text(contact.email()), text(contact.phone()));
        if (normalContact != null
                && normalContact.name() == null
                && normalContact.email() == null
                && normalContact.phone() == null) {
            normalContact = null;
        }
        List<OpeningHours> hours = openingHours == null
                ? List.of()
                : openingHours.stream()
                        .map(entry -> new OpeningHours(entry.weekday(), text(entry.opens()), text(entry.closes())))
                        .toList();
        return new VindplaatsDraft(
                text(name),
                kind,
                category,
                text(description),
                normalAddress,
                neighbourhoodCode == null ? null : text(neighbourhoodCode.toUpperCase()),
                hours,
                normalContact,
                isPublic,
                status == null ? VindplaatsStatus.ACTIVE : status,
                canonicalId(text(organisationId)));
    }

    /**
     * This valid draft as it is stored: of its category's kind, in the neighbourhood it resolved to and with its opening
     * hours in week order, so it equals what is read back.
     */
    public VindplaatsDraft asStored(String resolvedNeighbourhoodCode) {
        return new VindplaatsDraft(
                name,
                category.kind(),
                category,
                description,
                address,
                resolvedNeighbourhoodCode,
                openingHours.stream().sorted(WEEK_ORDER).toList(),
                contact,
                isPublic,
                status,
                organisationId);
    }

    private static String canonicalId(String id) {
        String canonical = Ids.canonicalUuid(id);
        return canonical == null ? id : canonical;
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
