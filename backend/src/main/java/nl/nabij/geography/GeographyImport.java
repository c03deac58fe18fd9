package nl.nabij.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Imports a municipality's CBS geography in two passes over each file. The first checks every row of the
 * municipality and writes nothing: one bad row refuses the import whole, with every row at fault named. The second
 * writes, in batches of its own transactions, so memory stays flat however long the file; a batch merges by CBS code
 * and address, so an import run again, or after a stop half-way, leaves what one run leaves.
 */
@Service
class GeographyImport {

    static final String AREAS = "areasCsv";
    static final String ADDRESSES = "addressesCsv";
    private static final int BATCH = 5_000;
    private static final int MOST_ERRORS = 100;

    private final GeographyQueries queries;
    private final AuditTrail trail;
    private final TransactionOperations transactions;

    GeographyImport(GeographyQueries queries, AuditTrail trail, TransactionOperations transactions) {
        this.queries = queries;
        this.trail = trail;
        this.transactions = transactions;
    }

    /**
     * What an import did: the districts and neighbourhoods named in the table, the addresses in the postcode file, and
     * the households and vindplaatsen it moved to the neighbourhood of their address; or why it did nothing.
     */
    record Result(
            String municipalityCode,
            int districts,
            int neighbourhoods,
            long addresses,
            long householdsPlaced,
            long vindplaatsenPlaced,
            List<InputError> errors) {

        static Result refused(String municipalityCode, List<InputError> errors) {
            return new Result(municipalityCode, 0, 0, 0, 0, 0, List.copyOf(errors));
        }
    }

    /** Imports either file or both; {@code user} is recorded as the one who changed the geography. */
    Result run(NabijUser user, String origin, String municipality, CbsFiles.Source areas, CbsFiles.Source addresses) {
        String code = municipality == null ? "" : municipality.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CbsFiles.MUNICIPALITY_CODE.matcher(code).matches()) {
            return Result.refused(
                    code,
                    List.of(new InputError(
                            "municipalityCode", "MALFORMED_MUNICIPALITY_CODE", "the code is GM and four digits")));
        }
        if (areas == null && addresses == null) {
            return Result.refused(
                    code,
                    List.of(new InputError(
                            AREAS, "NOTHING_TO_IMPORT", "give the area table, the postcode file or both")));
        }
        List<InputError> errors = new ArrayList<>();
        Set<String> districts = new HashSet<>();
        Set<String> neighbourhoods = new HashSet<>(queries.knownNeighbourhoods(code));
        Set<String> named = new HashSet<>();
        if (areas != null) {
            Optional<InputError> whole = CbsFiles.areas(
                    areas,
                    AREAS,
                    code,
                    area -> {
                        districts.add(area.districtCode());
                        if (area.neighbourhoodCode() != null) {
                            neighbourhoods.add(area.neighbourhoodCode());
                            named.add(area.neighbourhoodCode());
                        }
                    },
                    error -> collect(errors, error.in(AREAS)));
            whole.ifPresent(errors::add);
        }
        long[] addressCount = {0};
        if (addresses != null && errors.isEmpty()) {
            Optional<InputError> whole = CbsFiles.addresses(
                    addresses,
                    ADDRESSES,
                    code,
                    address -> {
                        if (neighbourhoods.contains(address.neighbourhoodCode())) {
                            addressCount[0]++;
                        } else {
                            collect(
                                    errors,
                                    new InputError(
                                            ADDRESSES + ":" + address.line(),
                                            "UNKNOWN_NEIGHBOURHOOD",
                                            "neighbourhood " + address.neighbourhoodCode()
                                                    + " is neither in the area table nor imported before"));
                        }
                    },
                    error -> collect(errors, error.in(ADDRESSES)));
            whole.ifPresent(errors::add);
        }
        if (errors.isEmpty() && districts.isEmpty() && addressCount[0] == 0) {
            errors.add(new InputError(
                    areas != null ? AREAS : ADDRESSES,
                    "NOTHING_TO_IMPORT",
                    "the files hold no row of municipality " + code));
        }
        if (!errors.isEmpty()) {
            return Result.refused(code, errors);
        }
        if (areas != null) {
            writeAreas(areas, code);
        }
        long[] placed = {0, 0};
        if (addresses != null) {
            placed = writeAddresses(addresses, code);
        }
        transactions.executeWithoutResult(status -> {
            queries.placePostcodeAreas(code);
            trail.append(
                    user,
                    origin,
                    List.of(new AuditEntry("CHANGE", true, "geography-import", "geography-administration", List.of())));
        });
        return new Result(code, districts.size(), named.size(), addressCount[0], placed[0], placed[1], List.of());
    }

    private static void collect(List<InputError> errors, InputError error) {
        if (errors.size() < MOST_ERRORS) {
            errors.add(error);
        }
    }

    private void writeAreas(CbsFiles.Source areas, String code) {
        List<Map<String, Object>> batch = new ArrayList<>();
        CbsFiles.areas(
                areas,
                AREAS,
                code,
                area -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("municipalityCode", area.municipalityCode());
                    row.put("municipalityName", area.municipalityName());
                    row.put("districtCode", area.districtCode());
                    row.put("districtName", area.districtName());
                    row.put("neighbourhoodCode", area.neighbourhoodCode());
                    row.put("neighbourhoodName", area.neighbourhoodName());
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        flushAreas(batch);
                    }
                },
                error -> {
                    throw new IllegalStateException("the area table changed while it was imported");
                });
        flushAreas(batch);
    }

    private void flushAreas(List<Map<String, Object>> batch) {
        if (!batch.isEmpty()) {
            List<Map<String, Object>> rows = List.copyOf(batch);
            transactions.executeWithoutResult(status -> queries.mergeAreas(rows));
            batch.clear();
        }
    }

    private long[] writeAddresses(CbsFiles.Source addresses, String code) {
        List<Map<String, Object>> batch = new ArrayList<>();
        long[] placed = {0, 0};
        CbsFiles.addresses(
                addresses,
                ADDRESSES,
                code,
                address -> {
                    batch.add(Map.of(
                            "key", address.postcode() + " " + address.houseNumber(),
                            "postcode", address.postcode(),
                            "houseNumber", address.houseNumber(),
                            "neighbourhoodCode", address.neighbourhoodCode()));
                    if (batch.size() == BATCH) {
                        flushAddresses(batch, placed);
                    }
                },
                error -> {
                    throw new IllegalStateException("the postcode file changed while it was imported");
                });
        flushAddresses(batch, placed);
        return placed;
    }

    private void flushAddresses(List<Map<String, Object>> batch, long[] placed) {
        if (!batch.isEmpty()) {
            List<Map<String, Object>> rows = List.copyOf(batch);
            long[] moved = transactions.execute(status -> queries.mergeAddresses(rows));
            placed[0] += moved[0];
            placed[1] += moved[1];
            batch.clear();
        }
    }
}
