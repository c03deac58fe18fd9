package nl.nabij.vindplaats.hsds;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;

/**
 * The social map in Open Referral HSDS 3.0 over HTTP: the list endpoints of the HSDS API and the whole map as one JSON
 * bundle or as a tabular data package, and their import. Reading is open to anyone (the public subset) and gives staff
 * the whole map; importing is for administrators, which the security configuration enforces before this runs.
 */
@RestController
@RequestMapping("/hsds")
class HsdsController {

    private static final int MOST_PER_PAGE = 500;
    private static final Set<String> PROFILE_FILES = Set.of("location", "organization", "service", "openapi");

    private final HsdsPublication publication;
    private final HsdsImport importer;
    private final CurrentUser currentUser;
    private final HsdsProperties properties;

    HsdsController(
            HsdsPublication publication, HsdsImport importer, CurrentUser currentUser, HsdsProperties properties) {
        this.publication = publication;
        this.importer = importer;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] root() {
        String api = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/hsds")
                .build()
                .toUriString();
        return Hsds.JSON.writeValueAsBytes(new Hsds.About(Hsds.VERSION, api + "/profile", api + "/openapi.json"));
    }

    /** The API's description: the HSDS 3.0 OpenAPI with Nabij's profile merged in. */
    @GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> openapi() {
        return ResponseEntity.ok(new ClassPathResource("hsds/openapi.json"));
    }

    /** Nabij's HSDS profile: its README, which names the modification files beside it. */
    @GetMapping(path = "/profile", produces = "text/markdown;charset=UTF-8")
    ResponseEntity<Resource> profile() {
        return ResponseEntity.ok(new ClassPathResource("hsds/profile/README.md"));
    }

    /** One of the profile's modification files: a JSON Merge Patch on the HSDS schema of the same name. */
    @GetMapping(path = "/profile/{name}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> profileFile(@PathVariable String name) {
        if (!PROFILE_FILES.contains(name)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(new ClassPathResource("hsds/profile/" + name + ".json"));
    }

    @GetMapping(path = "/bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] bundle(HttpServletRequest request) {
        return Hsds.JSON.writeValueAsBytes(publication.bundle(reader(), request.getRemoteAddr()));
    }

    @GetMapping(path = "/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> organizations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::organizations, page, perPage, request);
    }

    @GetMapping(path = "/services", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> services(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            @RequestParam(required = false) String search,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            HttpServletRequest request) {
        Instant after = null;
        if (modifiedAfter != null) {
            after = instant(modifiedAfter);
            if (after == null) {
                return badRequest("modified_after is a date (2026-12-01) or a date and time (2026-12-01T09:00:00Z)");
            }
        }
        HsdsServices.Filter filter = new HsdsServices.Filter(search, organizationId, taxonomyTermId, taxonomyId, after);
        return page(() -> publication.services(reader(), request.getRemoteAddr(), filter), page, perPage);
    }

    @GetMapping(path = "/services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> service(@PathVariable String id, HttpServletRequest request) {
        return publication
                .service(reader(), request.getRemoteAddr(), id)
                .map(service -> ResponseEntity.ok(Hsds.JSON.writeValueAsBytes(service)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Hsds.JSON.writeValueAsBytes(Map.of("message", "no service has this id"))));
    }

    @GetMapping(path = "/locations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> locations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::locations, page, perPage, request);
    }

    @GetMapping(path = "/service_at_locations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> serviceAtLocations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::serviceAtLocations, page, perPage, request);
    }

    @GetMapping(path = "/datapackage", produces = "application/zip")
    ResponseEntity<byte[]> datapackage(HttpServletRequest request) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nabij-hsds-datapackage.zip\"")
                .body(TabularPackage.write(publication.bundle(reader(), request.getRemoteAddr())));
    }

    @PostMapping(path = "/import", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HsdsImport.Report> importBundle(HttpServletRequest request) throws IOException {
        byte[] body = body(request);
        try {
            return answered(importer.importJson(currentUser.get(), Hsds.JSON.readTree(body), request.getRemoteAddr()));
        } catch (HsdsImport.MalformedBundle e) {
            return refused(e.problems());
        } catch (JacksonException e) {
            return refused(HsdsShape.MALFORMED_BUNDLE, "the body is not an HSDS bundle: " + reason(e));
        }
    }

    @PostMapping(path = "/import/datapackage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HsdsImport.Report> importDatapackage(HttpServletRequest request) throws IOException {
        Hsds.Bundle bundle;
        try {
            bundle = TabularPackage.read(
                    body(request), properties.maxImportSize().toBytes());
        } catch (JacksonException | IllegalArgumentException e) {
            return refused("MALFORMED_PACKAGE", "the body is not an HSDS tabular data package: " + reason(e));
        }
        return answered(importer.importBundle(currentUser.get(), bundle, request.getRemoteAddr()));
    }

    /** 200 with the report; 422 when the document held nothing to import, so a client cannot take it for success. */
    private static ResponseEntity<HsdsImport.Report> answered(HsdsImport.Report report) {
        boolean nothing = report.errors().stream().anyMatch(error -> HsdsImport.NOTHING_IMPORTED.equals(error.code()));
        return ResponseEntity.status(nothing ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(report);
    }

    private ResponseEntity<byte[]> page(
            Function<Hsds.Bundle, List<?>> contents, int page, int perPage, HttpServletRequest request) {
        return page(() -> contents.apply(publication.bundle(reader(), request.getRemoteAddr())), page, perPage);
    }

    /** A page of what {@code contents} lists; it runs only once the paging parameters are known to be good. */
    private static ResponseEntity<byte[]> page(Supplier<List<?>> contents, int page, int perPage) {
        if (page < 1 || perPage < 1 || perPage > MOST_PER_PAGE) {
            return badRequest("page is 1 or more, per_page 1 to " + MOST_PER_PAGE);
        }
        List<?> all = contents.get();
        return ResponseEntity.ok(Hsds.JSON.writeValueAsBytes(Hsds.Page.of(all, page, perPage)));
    }

    private static ResponseEntity<byte[]> badRequest(String message) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Hsds.JSON.writeValueAsBytes(Map.of("message", message)));
    }

    /** A date (the start of that day, UTC) or a date and time with an offset; null when it is neither. */
    private static Instant instant(String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The signed-in reader, or null for a request without credentials. */
    private NabijUser reader() {
        try {
            return currentUser.get();
        } catch (AuthenticationException anonymous) {
            return null;
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxImportSize().toBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw new ImportTooLarge();
            }
            return body;
        }
    }

    private static ResponseEntity<HsdsImport.Report> refused(String code, String message) {
        return refused(List.of(new HsdsImport.RecordError("bundle", null, "", code, message)));
    }

    /** Nothing was imported: the counts are all zero and the errors say why. */
    private static ResponseEntity<HsdsImport.Report> refused(List<HsdsImport.RecordError> errors) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new HsdsImport.Report(
                        new HsdsImport.Counts(0, 0, 0, 0, 0),
                        new HsdsImport.Counts(0, 0, 0, 0, 0),
                        new HsdsImport.Counts(0, 0, 0, 0, 0),
                        errors,
                        0));
    }

    private static String reason(Exception e) {
        return e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** An import larger than {@code nabij.hsds.max-import-size}; answered 413 before anything is read into the map. */
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    static final class ImportTooLarge extends RuntimeException {
        ImportTooLarge() {
            super("the import is larger than nabij.hsds.max-import-size");
        }
    }
}
